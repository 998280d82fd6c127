package vn.vnn.events;

import vn.vnn.events.emulation.AwardDecidedV1;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.events.household.CommunePovertyRateV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event the platform exchanges: its CloudEvents {@code type}, its Kafka topic, its payload class and the
 * JSON Schema that documents it ({@code schemas/<topic>.json} on the classpath, listed in {@code asyncapi.yaml}).
 * The Kafka record key of each topic is the aggregate id, which is also the CloudEvents {@code subject}.
 */
public enum EventType {
    HOUSEHOLD_STATUS_RECOGNIZED("household.status-recognized.v1", HouseholdStatusRecognizedV1.class),
    COMMUNE_POVERTY_RATE("household.commune-poverty-rate.v1", CommunePovertyRateV1.class),
    DONATION_RECEIVED("fund.donation-received.v1", DonationReceivedV1.class),
    DONATION_CANCELLED("fund.donation-cancelled.v1", DonationCancelledV1.class),
    DISBURSEMENT_PAID("fund.disbursement-paid.v1", DisbursementPaidV1.class),
    STATEMENT_RECONCILED("fund.statement-reconciled.v1", vn.vnn.events.fund.StatementReconciledV1.class),
    AWARD_DECIDED("emulation.award-decided.v1", AwardDecidedV1.class);

    private static final String TYPE_PREFIX = "vn.vnn.";

    private final String topic;
    private final Class<? extends Record> payloadClass;

    EventType(String topic, Class<? extends Record> payloadClass) {
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    /** Kafka topic name, e.g. {@code fund.donation-received.v1}. */
    public String topic() {
        return topic;
    }

    /** CloudEvents type, e.g. {@code vn.vnn.fund.donation-received.v1}. */
    public String type() {
        return TYPE_PREFIX + topic;
    }

    public Class<? extends Record> payloadClass() {
        return payloadClass;
    }

    /**
     * CloudEvents {@code source} of the service that owns the topic (the only one that may write it), e.g.
     * {@code /fund-service}; consumers refuse an event from anyone else.
     */
    public String source() {
        return "/" + topic.substring(0, topic.indexOf('.')) + "-service";
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + topic + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type().equals(type)).findFirst();
    }

    public static Optional<EventType> fromPayload(Class<?> payloadClass) {
        return Arrays.stream(values()).filter(t -> t.payloadClass.equals(payloadClass)).findFirst();
    }
}
