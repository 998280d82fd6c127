package vn.vnn.household.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.vnn.household.subscriptions.WebhookDispatcherRules;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Answers asynchronous DCI requests: makes an asynchronous search's answer (for the reach its caller had), then
 * delivers each answer, signed, to the sender's callback; failures are tried again as webhooks are (5 s, 30 s, …,
 * for 24 h), then parked.
 */
@ApplicationScoped
public class DciCallbacks {

    private static final Logger LOG = Logger.getLogger(DciCallbacks.class);
    private static final Map<String, String> CALLBACK_ACTIONS = Map.of("search", "on-search",
            "subscribe", "on-subscribe", "unsubscribe", "on-unsubscribe", "txn-status", "txn-on-status");

    private final DciTransactions transactions;
    private final DciSearch search;
    private final DciEnvelopes envelopes;
    private final ObjectMapper json;
    private final Duration firstRetry;
    private final Duration retryFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DciCallbacks(DciTransactions transactions, DciSearch search, DciEnvelopes envelopes, ObjectMapper json,
                 @ConfigProperty(name = "vnn.webhooks.first-retry", defaultValue = "5S") Duration firstRetry,
                 @ConfigProperty(name = "vnn.webhooks.retry-for", defaultValue = "24H") Duration retryFor) {
        this.transactions = transactions;
        this.search = search;
        this.envelopes = envelopes;
        this.json = json;
        this.firstRetry = firstRetry;
        this.retryFor = retryFor;
    }

    @Scheduled(every = "${vnn.webhooks.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        for (UUID id : transactions.due()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> answer(id));
            } catch (RuntimeException e) {
                LOG.warnf("DCI transaction %s not answered this round: %s", id, e.getClass().getSimpleName());
            }
        }
    }

    private void answer(UUID id) {
        DciTransactions.Due due = transactions.hold(id);
        if (due == null) {
            return;
        }
        ObjectNode response = (ObjectNode) due.response();
        String status = "succ";
        if (response == null) {
            try {
                // its own transaction: a refusal (e.g. the daily quota) must not undo the hold on this transaction
                response = QuarkusTransaction.requiringNew().call(() -> search.search(due.request(), due.reach(),
                        due.correlationId()));
            } catch (vn.vnn.kit.problem.ProblemException e) {
                // the request could not be answered (e.g. the client's daily quota): told in the callback's header
                response = json.createObjectNode();
                response.put("transaction_id", DciSearch.text(due.request(), "transaction_id"));
                response.put("correlation_id", due.correlationId());
                response.putArray("search_response");
                status = "rjct";
            }
            transactions.answered(due.id(), response, status.equals("rjct"));
        }
        ObjectNode envelope = envelopes.signed(CALLBACK_ACTIONS.get(due.action()), status, due.senderId(), response,
                Math.max(1, response.path("search_response").size()),
                Math.max(1, response.path("search_response").size()));
        String error;
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(due.callbackUri()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(envelope))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                transactions.delivered(due.id());
                return;
            }
            error = "HTTP " + answer.statusCode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.failed(due.id(), error, WebhookDispatcherRules.nextPause(due.attempts() + 1,
                due.firstAttemptAt() == null ? now : due.firstAttemptAt(), now, firstRetry, retryFor));
    }
}
