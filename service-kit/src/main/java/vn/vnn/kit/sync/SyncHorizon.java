package vn.vnn.kit.sync;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How far a delta's cursor may advance: a change stamped earlier than a few seconds ago belongs to a transaction that
 * has committed (or failed) by now, so nothing behind the cursor can still appear. Wall-clock time, not the
 * business clock tests may fix, because rows are stamped by the database as well.
 */
@ApplicationScoped
public class SyncHorizon {

    private final int settleSeconds;

    SyncHorizon(@ConfigProperty(name = "vnn.sync.settle-seconds", defaultValue = "2") int settleSeconds) {
        this.settleSeconds = settleSeconds;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(settleSeconds);
    }

    /** The limit a client asked for, checked: 1 … {@code max}, {@code max} when absent. */
    public static int limit(Integer asked, int max) {
        if (asked == null) {
            return max;
        }
        if (asked < 1 || asked > max) {
            throw vn.vnn.kit.problem.ProblemException.invalid("limit", "between 1 and " + max);
        }
        return asked;
    }
}
