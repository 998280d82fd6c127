package vn.vnn.household.areas;

/** What an import did. */
public record ImportReport(int rows, int created, int updated) {
}
