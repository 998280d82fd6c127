package vn.vnn.fund.statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * How a day of the public statement is sealed, so that anyone holding its lines can check them: the SHA-256 of the
 * day's canonical lines (each ended by a line feed, UTF-8), then the day's digest = SHA-256 of the previous day's
 * digest, the day (ISO) and the lines' hash, each followed by a line feed. The first day chains to 64 zeros. A line
 * changed, added or removed later changes the day's hash and every digest after it.
 */
public final class StatementDigest {

    /** What the first sealed day chains to. */
    public static final String GENESIS = "0".repeat(64);

    private StatementDigest() {
    }

    public static String linesHash(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return sha256(text.toString());
    }

    public static String digest(String previousDigest, LocalDate day, String linesHash) {
        return sha256(previousDigest + "\n" + day + "\n" + linesHash + "\n");
    }

    /** A canonical line: fields joined by '|', a '|', '\' or line break inside a field escaped. */
    public static String line(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append('|');
            }
            String field = fields[i] == null ? "" : fields[i].toString();
            line.append(field.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r"));
        }
        return line.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
