package vn.vnn.kit.text;

/**
 * Text from users written into CSV or XLSX exports. A cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is run as a formula by spreadsheet programs when the file is opened (or
 * re-saved as CSV and opened again): a donor named {@code =HYPERLINK(...)} would attack the officer reading the
 * statement. Such a cell gets a leading apostrophe, which spreadsheets show as text and do not print (OWASP's advice
 * for CSV injection).
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** Numbers stay numbers; any other value is written as neutralised text. */
    public static Object cell(Object value) {
        return value instanceof CharSequence text ? text(text.toString()) : value;
    }
}
