package vn.vnn.kit.persistence;

import vn.vnn.kit.problem.ProblemException;

/**
 * The optimistic check a client's change goes through: the client sends the version it read, and a record changed
 * meanwhile is a 409 asking it to reload, so that no one's change silently overwrites another's. (The entity's
 * {@code @Version} column still catches a race between this check and the commit.)
 */
public final class Versions {

    private Versions() {
    }

    /** Fails with 409 when {@code read} is given and differs from {@code current}. */
    public static void requireUnchanged(String what, Object id, long current, Long read) {
        if (read != null && current != read) {
            throw ProblemException.conflict(what + " " + id + " changed meanwhile (version " + current
                    + "); reload it and try again");
        }
    }

    /** As {@link #requireUnchanged}, and the version must be given (422 on {@code field} otherwise). */
    public static void requireGivenAndUnchanged(String what, Object id, long current, Long read, String field) {
        if (read == null) {
            throw ProblemException.invalid(field, "give the version you read, so that no change is lost");
        }
        requireUnchanged(what, id, current, read);
    }
}
