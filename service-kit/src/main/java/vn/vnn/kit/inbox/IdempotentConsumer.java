package vn.vnn.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.vnn.events.EventType;

import java.util.function.Consumer;

/**
 * The whole idempotent-consumer step in one call: read the CloudEvent, record its id in the inbox, and apply the
 * effect only on the first delivery, all in the caller's transaction.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final CloudEventReader reader;
    private final Inbox inbox;

    IdempotentConsumer(CloudEventReader reader, Inbox inbox) {
        this.reader = reader;
        this.inbox = inbox;
    }

    /**
     * @param consumer the consumer's name in the inbox (one per effect, e.g. {@code fund.eligibility})
     * @return whether the effect was applied (false for a redelivery)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> boolean handle(String consumer, ConsumerRecord<String, String> record, EventType type,
                                             Consumer<IncomingEvent<T>> effect) {
        IncomingEvent<T> event = reader.read(record, type);
        if (!inbox.firstDelivery(consumer, event)) {
            return false;
        }
        effect.accept(event);
        return true;
    }
}
