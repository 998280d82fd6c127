package vn.vnn.kit;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): unique, and they index well because new ids sort last. Within one
 * process they also increase strictly (a counter in {@code rand_a} within the same millisecond, RFC 9562 §6.2
 * method 1), so that rows written one after the other (a household's members) keep their order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long counter;

    private Ids() {
    }

    public static UUID newId() {
        long millis;
        long sequence;
        synchronized (Ids.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter >= 1 << 12) {
                    millis++;
                    counter = RANDOM.nextInt(1 << 11);
                }
            } else {
                counter = RANDOM.nextInt(1 << 11);
            }
            lastMillis = millis;
            sequence = counter;
        }
        long msb = (millis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
