package vn.vnn.household.api;

/** What an import did. */
public record ImportReport(int rows, int created, int updated) {
}
