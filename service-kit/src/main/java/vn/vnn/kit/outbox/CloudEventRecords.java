package vn.vnn.kit.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import vn.vnn.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Kafka records in CloudEvents binary mode: attributes as {@code ce_*} headers, the payload as the value. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, String> of(String topic, String id, String source, String type,
                                                    String subject, OffsetDateTime time, String payloadJson) {
        return of(topic, id, source, type, subject, time, payloadJson, null);
    }

    /**
     * With the trace the event belongs to: {@code traceparent} as the CloudEvents distributed-tracing extension
     * ({@code ce_traceparent}) and as the plain W3C header that tracing libraries read.
     */
    public static ProducerRecord<String, String> of(String topic, String id, String source, String type,
                                                    String subject, OffsetDateTime time, String payloadJson,
                                                    String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, payloadJson);
        header(record, "ce_specversion", EventEnvelope.SPEC_VERSION);
        header(record, "ce_id", id);
        header(record, "ce_source", source);
        header(record, "ce_type", type);
        header(record, "ce_subject", subject);
        header(record, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        header(record, "content-type", EventEnvelope.JSON);
        if (traceparent != null) {
            header(record, "ce_traceparent", traceparent);
            header(record, "traceparent", traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
