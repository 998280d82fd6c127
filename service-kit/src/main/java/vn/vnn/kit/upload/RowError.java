package vn.vnn.kit.upload;

/** A problem with one cell (or row, when column is null) of an uploaded file; rows count from 1 after the header. */
public record RowError(int row, String column, String message) {
}
