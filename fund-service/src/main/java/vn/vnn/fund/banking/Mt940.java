package vn.vnn.fund.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statements, the fields a reconciliation needs: {@code :25:} the account, {@code :28C:} the
 * statement number, {@code :60F:}/{@code :60M:} the opening balance, each {@code :61:} statement line with the
 * {@code :86:} information after it (the transfer message), {@code :62F:}/{@code :62M:} the closing balance. Amounts
 * must be in VND without a fraction. A file with several statements (the bank's {@code -} separators) is refused:
 * one statement per file keeps the file's hash its identity.
 */
public final class Mt940 {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})([0-9]+(?:,[0-9]*)?)");
    /** Value date, optional entry date, (reversal) credit or debit, funds code, amount, type, references. */
    private static final Pattern LINE = Pattern.compile(
            "(\\d{6})(\\d{4})?(RC|RD|C|D)([A-Z])?([0-9]+(?:,[0-9]*)?)([A-Z][A-Z0-9]{3})([^/]*)(?://(.*))?");

    private Mt940() {
    }

    public static BankStatement read(String text) {
        List<String[]> fields = fields(text);
        String account = null;
        String number = null;
        Balance opening = null;
        Balance closing = null;
        List<BankStatement.Line> lines = new ArrayList<>();
        String[] pendingLine = null;
        for (int i = 0; i < fields.size(); i++) {
            String tag = fields.get(i)[0];
            String value = fields.get(i)[1];
            switch (tag) {
                case "25" -> account = value.strip();
                case "28C" -> number = value.strip();
                case "60F", "60M" -> {
                    if (opening != null) {
                        throw new BankStatement.Unreadable("more than one statement in the file; send one per file");
                    }
                    opening = balance(tag, value);
                }
                case "62F", "62M" -> closing = balance(tag, value);
                case "61" -> {
                    if (pendingLine != null) {
                        lines.add(line(lines.size() + 1, pendingLine[0], null));
                    }
                    pendingLine = new String[]{value};
                }
                case "86" -> {
                    if (pendingLine != null) {
                        lines.add(line(lines.size() + 1, pendingLine[0], value));
                        pendingLine = null;
                    }
                }
                default -> {
                    // :20:, :21:, :64:, :65: and others carry nothing the reconciliation uses.
                }
            }
        }
        if (pendingLine != null) {
            lines.add(line(lines.size() + 1, pendingLine[0], null));
        }
        if (account == null || opening == null || closing == null) {
            throw new BankStatement.Unreadable("not an MT940 statement: it needs :25:, :60F: and :62F:");
        }
        return new BankStatement(account, number == null ? "" : number, opening.on, opening.amount, closing.on,
                closing.amount, lines);
    }

    /** The fields in order, continuation lines joined to their field with a space. */
    private static List<String[]> fields(String text) {
        List<String[]> fields = new ArrayList<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.equals("-") || line.startsWith("{") || line.equals("-}")) {
                continue;
            }
            Matcher tag = TAG.matcher(line);
            if (tag.matches()) {
                fields.add(new String[]{tag.group(1), tag.group(2)});
            } else if (!fields.isEmpty()) {
                String[] last = fields.get(fields.size() - 1);
                last[1] = last[1] + (last[0].equals("86") ? " " : "") + line;
            }
        }
        return fields;
    }

    private record Balance(LocalDate on, long amount) {
    }

    private static Balance balance(String tag, String value) {
        Matcher m = BALANCE.matcher(value.strip());
        if (!m.matches()) {
            throw new BankStatement.Unreadable(":" + tag + ": is not a balance (C/D, YYMMDD, currency, amount)");
        }
        if (!m.group(3).equals("VND")) {
            throw new BankStatement.Unreadable(":" + tag + ": is in " + m.group(3) + "; only VND accounts are kept");
        }
        long amount = vnd(m.group(4), tag);
        return new Balance(date(m.group(2), tag), m.group(1).equals("D") ? -amount : amount);
    }

    private static BankStatement.Line line(int number, String value, String information) {
        Matcher m = LINE.matcher(value.strip());
        if (!m.matches()) {
            throw new BankStatement.Unreadable("statement line " + number + " (:61:) cannot be read");
        }
        long amount = vnd(m.group(5), "61");
        // A reversal of a credit takes money out, of a debit puts it back.
        boolean credit = m.group(3).equals("C") || m.group(3).equals("RD");
        String customerReference = m.group(7).strip();
        String bankReference = m.group(8) == null ? customerReference : m.group(8).strip();
        String message = information == null ? null : information.replaceAll("\\s+", " ").strip();
        return new BankStatement.Line(number, date(m.group(1), "61"), credit ? amount : -amount,
                bankReference.isEmpty() ? null : bankReference, message, null, null);
    }

    private static long vnd(String amount, String tag) {
        String plain = amount.replace(',', '.');
        BigDecimal value = new BigDecimal(plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new BankStatement.Unreadable(":" + tag + ": an amount in đồng has no fraction");
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new BankStatement.Unreadable(":" + tag + ": amount out of range");
        }
    }

    private static LocalDate date(String yymmdd, String tag) {
        try {
            return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new BankStatement.Unreadable(":" + tag + ": " + yymmdd + " is no date");
        }
    }
}
