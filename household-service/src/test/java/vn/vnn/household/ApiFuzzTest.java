package vn.vnn.household;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.ApiFuzzer;
import vn.vnn.localstack.testing.TestTokens;

import java.net.URL;
import java.util.List;

/**
 * Seeded requests built from this service's own OpenAPI document, most of them broken on purpose: none may answer
 * 5xx or drop the connection. A failure prints the seed and the request; {@code -Dvnn.fuzz.seed=S} replays it.
 */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void noRequestMakesTheServiceFail() {
        ApiFuzzer fuzzer = new ApiFuzzer(base.toString(), ApiFuzzer.seedOr(20261130L))
                .tokens(List.of(
                        TestTokens.of("fuzz.admin", List.of("admin"), List.of("VN")),
                        TestTokens.of("fuzz.officer", List.of("commune-officer", "commune-chairman"), List.of("99111")),
                        TestTokens.of("fuzz.partner", List.of("partner"), List.of("99")),
                        TestTokens.of("fuzz.auditor", List.of("auditor"), List.of("VN"))))
                .value("areaCode", "99111").value("communeCode", "99111").value("year", "2025")
                // New holidays land far in the future, where no other test counts working days.
                .only("day", "2199-12-01");
        fuzzer.run(2000).requireNoServerFailures(1900);
    }
}
