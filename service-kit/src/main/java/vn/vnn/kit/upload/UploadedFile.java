package vn.vnn.kit.upload;

import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded body, streamed to a temporary file as it arrives (never held as one array), with its SHA-256 and
 * size. More than {@code maxBytes} (counted after any {@code Content-Encoding: gzip} was undone, so a small gzip body
 * cannot expand past the limit) is 413 and nothing is kept. Closing deletes the file.
 */
public final class UploadedFile implements AutoCloseable {

    private final Path path;
    private final String sha256;
    private final long size;

    private UploadedFile(Path path, String sha256, long size) {
        this.path = path;
        this.sha256 = sha256;
        this.size = size;
    }

    public static UploadedFile receive(InputStream body, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("vnn-upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest digest = newDigest();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            if (body != null) {
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = body.read(buffer)) >= 0; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A file may be at most "
                                + maxBytes + " bytes (after gzip is undone)");
                    }
                    out.write(buffer, 0, read);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(ProblemType.BAD_REQUEST, "The body could not be read to its end");
        }
        return new UploadedFile(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    public Path path() {
        return path;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
