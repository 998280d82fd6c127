package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundService;
import vn.vnn.fund.statements.StatementDigest;
import vn.vnn.fund.statements.StatementSeals;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A day of the public statement sealed, checkable by anyone from its lines, and a later change shows. */
@QuarkusTest
class StatementSealTest {

    @Inject
    FundService funds;
    @Inject
    StatementSeals seals;
    @Inject
    VietnamClock clock;
    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aSealedDayChecksOutFromItsLinesAndAChangeAfterwardsShows() {
        String area = "D" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        UUID fundId = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).orElseThrow().id);
        LocalDate today = clock.today();
        Map<String, Object> named = donation(area, "Trần Văn Tâm|Sơn", false);
        donation(area, "Người không muốn nêu tên", true);
        given().contentType(ContentType.JSON).body(Map.of("version", named.get("version"), "reason", "Hoàn trả"))
                .post("/api/v1/donations/" + named.get("id") + "/cancellation").then().statusCode(200);

        List<StatementSeals.Seal> sealed = seals.sealThrough(fundId, today);
        assertThat(sealed).singleElement().satisfies(seal -> {
            assertThat(seal.day()).isEqualTo(today);
            assertThat(seal.lineCount()).isEqualTo(3);
            assertThat(seal.previousDigest()).isEqualTo(StatementDigest.GENESIS);
        });
        assertThat(seals.sealThrough(fundId, today)).isEmpty();

        // anyone recomputes the seal from the published lines
        Map<String, Object> published = given().get("/api/v1/public/funds/Q" + area + "/statement-digests/" + today)
                .then().statusCode(200).extract().path("");
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) published.get("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("RECEIPT|" + named.get("receiptNo") + "|" + today
                + "|Trần Văn Tâm\\|Sơn|CASH|1500000");
        assertThat(lines.get(1)).contains("|Nhà hảo tâm ẩn danh|").doesNotContain("Người không muốn nêu tên");
        assertThat(lines.get(2)).isEqualTo("CANCELLED|" + named.get("receiptNo") + "|1500000");
        Map<String, Object> digest = given().get("/api/v1/public/funds/Q" + area + "/statement-digests?from="
                + today.minusDays(3) + "&to=" + today).then().statusCode(200).extract().path("[0]");
        String hash = StatementDigest.linesHash(lines);
        assertThat(digest).containsEntry("linesSha256", hash)
                .containsEntry("digest", StatementDigest.digest(StatementDigest.GENESIS, today, hash));
        assertThat(published).containsEntry("matchesSeal", true);

        // a line changed afterwards no longer matches its seal
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE donation SET donor_name = 'Người khác' WHERE id = ?1")
                .setParameter(1, UUID.fromString((String) named.get("id"))).executeUpdate());
        given().get("/api/v1/public/funds/Q" + area + "/statement-digests/" + today).then().statusCode(200)
                .body("matchesSeal", org.hamcrest.Matchers.equalTo(false));
        // the seals themselves cannot be rewritten
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("UPDATE statement_digest SET digest = 'x' WHERE fund_id = ?1")
                        .setParameter(1, fundId).executeUpdate())).hasStackTraceContaining("append-only");
        given().get("/api/v1/public/funds/Q" + area + "/statement-digests?from=2020-01-01&to=2026-12-31").then()
                .statusCode(422);
        given().get("/api/v1/public/funds/NOPE/statement-digests/" + today).then().statusCode(404);
    }

    private static Map<String, Object> donation(String area, String donor, boolean anonymous) {
        Map<String, Object> body = new HashMap<>(Map.of("donor", Map.of("name", donor, "type", "INDIVIDUAL"),
                "kind", "CASH", "amountVnd", 1_500_000, "receivedOn", LocalDate.now(VietnamClock.ZONE).toString(),
                "fundAreaCode", area, "anonymous", anonymous));
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/donations").then().statusCode(201).extract().path("");
    }
}
