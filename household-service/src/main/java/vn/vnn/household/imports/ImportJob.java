package vn.vnn.household.imports;

/** An import job with the number of errors its report holds so far. */
public record ImportJob(HouseholdImport job, long errorCount) {
}
