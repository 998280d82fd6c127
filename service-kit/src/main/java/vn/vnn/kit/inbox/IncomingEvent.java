package vn.vnn.kit.inbox;

import java.time.OffsetDateTime;

/** A CloudEvent read from a Kafka record in binary mode: the {@code ce_*} attributes and the typed payload. */
public record IncomingEvent<T>(String id, String source, String type, String subject, OffsetDateTime time,
                               T data) {
}
