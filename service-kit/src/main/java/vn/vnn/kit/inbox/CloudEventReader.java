package vn.vnn.kit.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import vn.vnn.events.EventType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** Reads binary-mode CloudEvents from Kafka records into typed {@link IncomingEvent}s. */
@ApplicationScoped
public class CloudEventReader {

    private final ObjectMapper objectMapper;

    CloudEventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Reads the record as an event of the expected type.
     *
     * @throws MalformedEventException when a required attribute is missing, the type is not the expected one, the
     *                                 source is not the topic's owner, or the payload does not parse; such a record
     *                                 can never be applied
     */
    public <T extends Record> IncomingEvent<T> read(ConsumerRecord<String, String> record, EventType expected) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new MalformedEventException("record without ce_id or ce_type at " + position(record));
        }
        if (!expected.type().equals(type)) {
            throw new MalformedEventException("expected " + expected.type() + " but got " + type + " at "
                    + position(record));
        }
        String source = header(record, "ce_source");
        if (!expected.source().equals(source)) {
            // Only the topic's owner writes it (Kafka ACLs in deployments); anything else is never applied.
            throw new MalformedEventException("event " + id + " from " + source + " on a topic of "
                    + expected.source() + " at " + position(record));
        }
        String time = header(record, "ce_time");
        try {
            @SuppressWarnings("unchecked")
            T data = (T) objectMapper.readValue(record.value(), expected.payloadClass());
            return new IncomingEvent<>(id, header(record, "ce_source"), type, header(record, "ce_subject"),
                    time == null ? null : OffsetDateTime.parse(time), data);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("unreadable payload of " + id + " at " + position(record) + ": "
                    + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    public static class MalformedEventException extends RuntimeException
            implements vn.vnn.kit.sql.TransientFailures.Permanent {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
