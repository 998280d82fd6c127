package vn.vnn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The development key and self-signed certificate the local stack gives fund-service to sign receipts with: made once
 * with the JDK's keytool in the stack's data folder, kept with the data, so that receipts signed before and after a
 * restart name the same signer. Deployments configure their own key (RECEIPT_SIGNING_KEYSTORE).
 */
final class SigningKey {

    /** Not a secret: the keystore is for development only, and says so in its certificate. */
    static final String PASSWORD = "local-development-only";

    private SigningKey() {
    }

    static Path ensure(Path dataDir) throws IOException {
        Path keystore = dataDir.resolve("receipt-signing.p12");
        if (Files.exists(keystore)) {
            return keystore;
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "receipts",
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", "CN=Quy Vi nguoi ngheo - LOCAL DEVELOPMENT ONLY, O=VNN local stack, C=VN",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("keytool.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make the receipt signing key (see "
                        + dataDir.resolve("keytool.log") + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the receipt signing key", e);
        }
        return keystore;
    }
}
