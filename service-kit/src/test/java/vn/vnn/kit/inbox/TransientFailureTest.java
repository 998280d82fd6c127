package vn.vnn.kit.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which consumer failures are waited out (retried) and which isolate a record for the dead-letter topic. */
class TransientFailureTest {

    @Test
    void outagesAndConflictsPassByThemselves() {
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLException("lost", "08006")))).isTrue();
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLException("serialization", "40001")))).isTrue();
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLTransientConnectionException("pool")))).isTrue();
    }

    @Test
    void badDataDoesNot() {
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(IdempotentBatchConsumer.isTransient(new CloudEventReader.MalformedEventException("no ce_id")))
                .isFalse();
        assertThat(IdempotentBatchConsumer.isTransient(new IllegalArgumentException("negative amount"))).isFalse();
        assertThat(IdempotentBatchConsumer.isTransient(wrapped(new SQLException("no state")))).isFalse();
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("commit failed", new RuntimeException("flush failed", cause));
    }
}
