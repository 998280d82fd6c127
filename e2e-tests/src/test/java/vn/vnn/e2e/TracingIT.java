package vn.vnn.e2e;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace id from the caller through the gateway, fund-service, the outbox and Kafka into emulation-service's
 * standings update, exported over OTLP by each process to a collector the test runs.
 */
@ExtendWith(SharedStack.class)
class TracingIT {

    @Test
    void aDonationsTraceRunsFromTheGatewayThroughKafkaIntoTheStandings() {
        LocalStack stack = SharedStack.stack();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "a1b2c3d4e5f60718";
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "fund.officer"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("donor", Map.of("name", "Nhà hảo tâm Dấu vết " + traceId.substring(0, 6),
                                "type", "INDIVIDUAL"), "kind", "CASH", "amountVnd", 250_000,
                        "receivedOn", "2025-10-20", "fundAreaCode", "99"))
                .post(stack.gatewayUrl() + "/api/v1/donations").then().statusCode(201);

        // Each service exports its spans in its own batches: the consumer's may arrive before the producer's.
        await().atMost(Duration.ofSeconds(60)).until(() -> SharedStack.traces().trace(traceId).stream()
                .anyMatch(span -> span.service().equals("emulation-service") && span.kind() == SpanKind.SPAN_KIND_CONSUMER)
                && SharedStack.traces().trace(traceId).stream()
                .anyMatch(span -> span.service().equals("fund-service") && span.kind() == SpanKind.SPAN_KIND_PRODUCER));
        List<TraceCollector.Received> trace = SharedStack.traces().trace(traceId);
        trace.forEach(span -> System.out.printf("trace %s: %-18s %-22s %s (span %s, parent %s)%n", traceId,
                span.service(), span.kind(), span.name(), span.spanId(), span.parentSpanId()));

        TraceCollector.Received gateway = only(trace, "gateway", SpanKind.SPAN_KIND_SERVER);
        assertThat(gateway.parentSpanId()).as("the gateway continues the caller's trace").isEqualTo(callerSpan);
        TraceCollector.Received fund = only(trace, "fund-service", SpanKind.SPAN_KIND_SERVER);
        TraceCollector.Received call = only(trace, "gateway", SpanKind.SPAN_KIND_CLIENT);
        assertThat(call.parentSpanId()).as("the gateway's call to the service").isEqualTo(gateway.spanId());
        assertThat(fund.parentSpanId()).as("fund-service continues the gateway's call (one traceparent)")
                .isEqualTo(call.spanId());
        TraceCollector.Received published = only(trace, "fund-service", SpanKind.SPAN_KIND_PRODUCER);
        assertThat(published.name()).isEqualTo("publish vn.vnn.fund.donation-received.v1");
        assertThat(published.parentSpanId()).isEqualTo(fund.spanId());
        TraceCollector.Received consumed = only(trace, "emulation-service", SpanKind.SPAN_KIND_CONSUMER);
        assertThat(consumed.parentSpanId()).as("the standings update continues the publication")
                .isEqualTo(published.spanId());
    }

    private static TraceCollector.Received only(List<TraceCollector.Received> trace, String service, SpanKind kind) {
        List<TraceCollector.Received> found = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertThat(found).as("%s span of %s", kind, service).hasSize(1);
        return found.get(0);
    }
}
