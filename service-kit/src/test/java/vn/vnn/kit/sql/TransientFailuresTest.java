package vn.vnn.kit.sql;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.inbox.CloudEventReader;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures (of a consumer, of a request: 503 instead of 500) are waited out (retried) and which isolate a record for the dead-letter topic. */
class TransientFailuresTest {

    @Test
    void outagesAndConflictsPassByThemselves() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("lost", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("serialization", "40001")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLTransientConnectionException("pool")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException(
                "Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(TransientFailures.isTransient(new org.hibernate.exception.JDBCConnectionException(
                "Unable to acquire JDBC Connection", new SQLException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new java.net.ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection [FATAL: database \"fund\" is not currently accepting connections]",
                new SQLException("FATAL: database \"fund\" is not currently accepting connections", "55000"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new org.hibernate.exception.GenericJDBCException(
                "could not execute statement", new SQLException("object not in prerequisite state", "55000"))))
                .isFalse();
    }

    @Test
    void badDataDoesNot() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new CloudEventReader.MalformedEventException("no ce_id")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("negative amount"))).isFalse();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("no state")))).isFalse();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("short state", "0")))).isFalse();
        // A malformed event stays permanent even when its cause looks like an outage.
        RuntimeException malformed = new CloudEventReader.MalformedEventException("bad");
        malformed.initCause(new SQLException("lost", "08006"));
        assertThat(TransientFailures.isTransient(malformed)).isFalse();
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("commit failed", new RuntimeException("flush failed", cause));
    }
}
