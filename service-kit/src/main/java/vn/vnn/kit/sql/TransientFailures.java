package vn.vnn.kit.sql;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

/**
 * Failures that pass by themselves: the database cannot be reached or is restarting, a serialization conflict or a
 * deadlock. A consumer retries them; a request that meets one is answered 503 with {@code Retry-After}, never 500.
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection (08), rollback (40), resources (53), operator intervention (57), system (58). */
    private static final List<String> TRANSIENT_CLASSES = List.of("08", "40", "53", "57", "58");

    private TransientFailures() {
    }

    /** Whether {@code failure} or one of its causes is transient, unless a cause says the input itself is bad. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Permanent) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            // No connection could be had at all (the database refuses them for now, say while it is taken offline
            // for maintenance: SQLSTATE 55000): never the caller's fault, and it passes when the database is back.
            if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getMessage() != null
                    && jdbc.getMessage().startsWith("Unable to acquire JDBC Connection")) {
                return true;
            }
            // The connection pool gave up waiting for a connection it could not open (no SQLSTATE of its own).
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Marks a failure that no retry can fix (a malformed event, say), whatever it wraps. */
    public interface Permanent {
    }
}
