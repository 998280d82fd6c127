package vn.vnn.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The reduced fault drill: {@code kill -9} of fund-service, then of emulation-service, while donations flow through
 * the gateway from a client that retries with the same {@code Idempotency-Key}. The stack's supervisor brings each
 * back by itself; every donation is there exactly once, with its own receipt number, and the donor's standing equals
 * the fund's total.
 */
@ExtendWith(SharedStack.class)
class SupervisionIT {

    private static final long AMOUNT = 1_000_000;

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void stack() {
        stack = SharedStack.stack();
        gateway = stack.gatewayUrl();
    }

    @Test
    void killedServicesComeBackByThemselvesAndRetriedDonationsCountOnce() throws Exception {
        String donorName = "Hợp tác xã Diễn tập " + UUID.randomUUID().toString().substring(0, 8);
        Client client = new Client(donorName);
        int fundRestarts = stack.restarts("fund-service");
        int emulationRestarts = stack.restarts("emulation-service");

        client.donate(3);
        kill("fund-service");
        long down = System.nanoTime();
        client.donate(5);
        System.out.printf("drill: fund-service killed; 5 donations went through in %.1f s with %d retries%n",
                (System.nanoTime() - down) / 1e9, client.retries);
        kill("emulation-service");
        client.donate(4);

        await().atMost(Duration.ofSeconds(90)).until(() -> healthy("fund-service") && healthy("emulation-service"));
        assertThat(stack.restarts("fund-service")).isEqualTo(fundRestarts + 1);
        assertThat(stack.restarts("emulation-service")).isEqualTo(emulationRestarts + 1);

        String officer = Tokens.password(stack.realmUrl(), "fund.officer");
        List<Map<String, Object>> recorded = given().auth().oauth2(officer)
                .get(gateway + "/api/v1/donors/" + client.donorId + "/donations?size=100").then().statusCode(200)
                .extract().path("items");
        Set<String> receipts = new HashSet<>();
        recorded.forEach(d -> receipts.add((String) d.get("receiptNo")));
        assertThat(recorded).as("each donation once").hasSize(12);
        assertThat(receipts).as("each with its own receipt").hasSize(12);
        assertThat(recorded.stream().map(d -> d.get("id")).toList()).containsExactlyInAnyOrderElementsOf(client.ids);
        String emulationOfficer = Tokens.password(stack.realmUrl(), "emulation.officer");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(emulationOfficer)
                .get(gateway + "/api/v1/achievements/" + client.donorId).then().statusCode(200)
                .body("donationCount", equalTo(12)).body("totalDonatedVnd", equalTo((int) (12 * AMOUNT))));
        System.out.printf("drill: 12 donations, %d retries, statuses while down %s; restarts: fund %d, emulation %d%n",
                client.retries, client.statuses, stack.restarts("fund-service"), stack.restarts("emulation-service"));
    }

    private static void kill(String service) {
        ProcessHandle.of(stack.servicePid(service)).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static boolean healthy(String service) {
        try {
            return given().get(stack.serviceUrl(service) + "/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // connection refused while it starts (thrown unchecked through Groovy)
            return false;
        }
    }

    /** A fund officer's client: one key per donation, the same key on every retry until the gift is recorded. */
    private static final class Client {
        final String donorName;
        final List<String> ids = new ArrayList<>();
        final Set<Integer> statuses = new java.util.TreeSet<>();
        String donorId;
        int retries;

        Client(String donorName) {
            this.donorName = donorName;
        }

        void donate(int count) throws InterruptedException {
            for (int i = 0; i < count; i++) {
                String key = UUID.randomUUID().toString();
                Map<String, Object> body = Map.of("donor", Map.of("name", donorName, "type", "ORGANISATION"),
                        "kind", "CASH", "amountVnd", AMOUNT, "receivedOn", "2025-10-20", "fundAreaCode", "99");
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (true) {
                    Response response = post(key, body);
                    if (response != null && response.statusCode() == 201) {
                        String id = response.path("id");
                        if (!ids.contains(id)) {
                            ids.add(id);
                        }
                        donorId = response.path("donorId");
                        break;
                    }
                    statuses.add(response == null ? 0 : response.statusCode());
                    assertThat(response == null || response.statusCode() >= 500 || response.statusCode() == 429)
                            .as("only the fault may refuse a donation: %s", response == null ? "no answer"
                                    : response.asString()).isTrue();
                    assertThat(System.nanoTime()).as("donation recorded within 2 minutes").isLessThan(deadline);
                    retries++;
                    Thread.sleep(500);
                }
            }
        }

        private static Response post(String key, Map<String, Object> body) {
            try {
                return given().auth().oauth2(Tokens.password(stack.realmUrl(), "fund.officer"))
                        .contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                        .post(gateway + "/api/v1/donations");
            } catch (Exception e) { // no answer at all (thrown unchecked through Groovy): retried like a 503
                return null;
            }
        }
    }
}
