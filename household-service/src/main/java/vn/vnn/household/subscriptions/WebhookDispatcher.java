package vn.vnn.household.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.vnn.household.feeds.PartnerEvents;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Sends the waiting deliveries, each subscription's in the order its events were recorded: a CloudEvent in HTTP
 * binary mode (the event's attributes as {@code ce-*} headers, its data as the JSON body) signed as Standard Webhooks
 * do. A failure holds the subscription's later deliveries back (so that they arrive in order) and is tried again with
 * a growing pause; after {@code vnn.webhooks.retry-for} (24 h) of failures the delivery is parked and the next ones go.
 * A 410 Gone ends the subscription, as Standard Webhooks advise.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private final Deliveries deliveries;
    private final PartnerEvents events;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Duration firstRetry;
    private final Duration retryFor;
    private final HttpClient http;
    private final jakarta.enterprise.inject.Instance<DeliveryRenderer> renderers;

    WebhookDispatcher(Deliveries deliveries, PartnerEvents events, EntityManager entityManager, ObjectMapper json,
                      jakarta.enterprise.inject.Instance<DeliveryRenderer> renderers,
                      @ConfigProperty(name = "vnn.webhooks.first-retry", defaultValue = "5S") Duration firstRetry,
                      @ConfigProperty(name = "vnn.webhooks.retry-for", defaultValue = "24H") Duration retryFor) {
        this.deliveries = deliveries;
        this.renderers = renderers;
        this.events = events;
        this.entityManager = entityManager;
        this.json = json;
        this.firstRetry = firstRetry;
        this.retryFor = retryFor;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${vnn.webhooks.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        for (UUID subscription : deliveries.due()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> send(subscription));
            } catch (RuntimeException e) {
                LOG.warnf("Deliveries of subscription %s stopped this round: %s", subscription,
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The subscription's due deliveries, in order, while they succeed; the subscription's row is held meanwhile. */
    private void send(UUID subscriptionId) {
        List<?> locked = entityManager.createNativeQuery(
                        "SELECT id FROM webhook_subscription WHERE id = ?1 AND active FOR UPDATE SKIP LOCKED")
                .setParameter(1, subscriptionId).getResultList();
        if (locked.isEmpty()) {
            return; // another instance sends them, or the subscription ended
        }
        Subscription subscription = Subscription.findById(subscriptionId);
        for (Deliveries.Delivery delivery : deliveries.waiting(subscriptionId, 50)) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (delivery.nextAttemptAt().isAfter(now)) {
                return;
            }
            PartnerEvents.Event event = events.event(delivery.eventId());
            Integer status = null;
            String error;
            try {
                HttpResponse<Void> response = http.send(request(subscription, event, now),
                        HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    deliveries.delivered(delivery.id(), status, now);
                    continue;
                }
                error = "HTTP " + status;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (status != null && status == 410) {
                subscription.active = false;
                subscription.updatedAt = now;
                deliveries.failed(delivery.id(), status, "410 Gone: the subscription ended", now, null);
                return;
            }
            Duration pause = WebhookDispatcherRules.nextPause(delivery.attempts() + 1, delivery.firstAttemptAt() == null ? now
                    : delivery.firstAttemptAt(), now, firstRetry, retryFor);
            deliveries.failed(delivery.id(), status, error, now, pause);
            if (pause != null) {
                return; // the later deliveries wait, so that they arrive in order
            }
        }
    }

    private HttpRequest request(Subscription subscription, PartnerEvents.Event event, OffsetDateTime now) {
        if (!"WEBHOOK".equals(subscription.kind)) {
            for (DeliveryRenderer renderer : renderers) {
                if (renderer.renders(subscription.kind)) {
                    return renderer.request(subscription, event, now);
                }
            }
            throw new IllegalStateException("no renderer for subscriptions of kind " + subscription.kind);
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("partner event cannot be serialised", e);
        }
        String id = event.id().toString();
        long timestamp = now.toEpochSecond();
        return HttpRequest.newBuilder(URI.create(subscription.url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-type", event.type())
                .header("ce-source", "/vnn/" + event.type().substring(0, event.type().indexOf('.')) + "-service")
                .header("ce-time", event.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(subscription.signingSecrets(now), id, timestamp,
                        body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
