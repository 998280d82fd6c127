package vn.vnn.household.subscriptions;

import java.time.Duration;
import java.time.OffsetDateTime;

/** When a failed delivery is tried again, and when it is parked. */
public final class WebhookDispatcherRules {

    /** Pauses grow sixfold (5 s, 30 s, 3 min, 18 min, …) up to this. */
    static final Duration LONGEST_PAUSE = Duration.ofHours(4);

    private WebhookDispatcherRules() {
    }

    /**
     * The pause before the next attempt after {@code attempts} failed ones, or null to park: once the first attempt is
     * {@code retryFor} old.
     */
    public static Duration nextPause(int attempts, OffsetDateTime firstAttempt, OffsetDateTime now, Duration firstRetry,
                              Duration retryFor) {
        if (firstAttempt != null && !now.isBefore(firstAttempt.plus(retryFor))) {
            return null;
        }
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(6);
        }
        pause = pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
        // the last try falls at the end of the window rather than after it
        if (firstAttempt != null && now.plus(pause).isAfter(firstAttempt.plus(retryFor))) {
            return Duration.between(now, firstAttempt.plus(retryFor));
        }
        return pause;
    }

}
