package vn.vnn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope around one event payload. On Kafka the envelope travels in binary mode:
 * the attributes become {@code ce_*} headers and {@link #data()} is the record value.
 *
 * @param id       unique per event; the producer's outbox row id and the consumer's dedup key
 * @param source   URI reference of the producing service, e.g. {@code /fund-service}
 * @param type     one of {@link EventType#type()}
 * @param subject  id of the aggregate the event is about; also the Kafka record key
 * @param time     when the change happened
 * @param data     the payload record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (specversion == null) {
            specversion = SPEC_VERSION;
        }
        if (datacontenttype == null) {
            datacontenttype = JSON;
        }
    }

    public static <T> EventEnvelope<T> of(String id, String source, EventType eventType, String subject,
                                          OffsetDateTime time, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, source, eventType.type(), subject, time, JSON, data);
    }
}
