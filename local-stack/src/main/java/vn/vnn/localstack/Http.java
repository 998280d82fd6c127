package vn.vnn.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Small HTTP helpers for readiness checks. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** True when GET url answers 200. */
    static boolean isOk(String url) {
        try {
            HttpResponse<Void> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls until {@code url} answers 200, failing fast when {@code stillRunning} turns false (the process died).
     */
    static void awaitOk(String what, String url, Duration timeout, BooleanSupplier stillRunning,
                        java.util.function.Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isOk(url)) {
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException(what + " stopped before it was ready:\n" + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready at " + url + " after " + timeout.toSeconds()
                        + " s:\n" + diagnostics.get());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
