package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.FundService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Donors: kinds, tax codes, totals and history, contact data masked for auditors. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class DonorTest {

    private static final String TAX_CODE = String.format("%010d", (long) (Math.random() * 9_000_000_000L));

    @Inject
    FundService funds;
    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void anEnterpriseIsKnownByItsTaxCodeAndItsTotalsFollowItsDonations() {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, "01"));
        Map<String, Object> donor = new HashMap<>(Map.of("name", "Tổng Công ty Điện lực Miền Bắc", "type",
                "ORGANISATION", "organisationKind", "ENTERPRISE", "phone", "0243 8223 434",
                "email", "lienhe@npc.com.vn", "address", "Số 20 Trần Nguyên Hãn, Phường Hoàn Kiếm, Hà Nội"));
        donate(donor, 400_000_000).statusCode(422).body("errors[0].field", equalTo("donor.taxCode"));
        donor.put("taxCode", TAX_CODE);
        String first = donate(donor, 400_000_000).statusCode(201).extract().path("donorId");
        donor.put("name", "EVNNPC"); // a new name, the same tax code: the same donor
        String second = donate(donor, 100_000_000).statusCode(201).extract().path("donorId");
        assertThat(second).isEqualTo(first);

        given().get("/api/v1/donors/" + first).then().statusCode(200)
                .body("organisationKind", equalTo("ENTERPRISE")).body("donations", equalTo(2))
                .body("givenVnd", equalTo(500_000_000)).body("phone", equalTo("0243 8223 434"));
        given().get("/api/v1/donors?name=điện lực miền").then().statusCode(200)
                .body("items[0].id", equalTo(first));
        given().get("/api/v1/donors/" + first + "/donations").then().statusCode(200)
                .body("totalItems", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("name", "Tổng Công ty Điện lực Miền Bắc (EVNNPC)",
                        "organisationKind", "ENTERPRISE", "taxCode", TAX_CODE, "version", 0))
                .put("/api/v1/donors/" + first).then().statusCode(200).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "version", 0))
                .put("/api/v1/donors/" + first).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "organisationKind", "AGENCY", "version", 1,
                        "country", "JP"))
                .put("/api/v1/donors/" + first).then().statusCode(422).body("errors[0].field", equalTo("country"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_log WHERE entity = 'DONOR' AND entity_id = ?1 AND action <> 'PERSONAL_DATA_READ'")
                .setParameter(1, first).getSingleResult()).longValue())).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aNewDonorRecordedByTenOfficersAtOnceIsOneDonor() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, "01"));
        String name = "Ông Hoàng Văn Thái " + UUID.randomUUID();
        // An individual is known by a phone (never by name alone): the ten recordings take turns on it.
        String phone = "09" + String.format("%08d", (long) (Math.random() * 99_999_999L));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(() -> donate(Map.of("name", name, "type", "INDIVIDUAL", "phone", phone), 1_000_000)
                        .extract().statusCode()));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/donors?name=" + name).then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].donations", equalTo(10));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void auditorsSeeContactDataMasked() {
        String id = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                INSERT INTO donor (id, name, donor_type, overseas, country, phone, email, address, created_at)
                VALUES (gen_random_uuid(), ?1, 'INDIVIDUAL', true, 'JP', '+81 90 1234 5678', 'hoa.tran@example.jp',
                        '1-2-3 Shinjuku, Tokyo, Nhật Bản', now()) RETURNING CAST(id AS text)""")
                .setParameter(1, "Trần Thị Hoa " + UUID.randomUUID()).getSingleResult().toString());
        given().get("/api/v1/donors/" + id).then().statusCode(200).body("overseas", equalTo(true))
                .body("phone", equalTo("+8************78")).body("email", equalTo("h***@example.jp"))
                .body("address", equalTo("***, Tokyo, Nhật Bản"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "version", 0))
                .put("/api/v1/donors/" + id).then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse donate(Map<String, Object> donor, long amount) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", donor, "kind", "CASH", "amountVnd", amount, "receivedOn", "2025-10-17",
                        "fundAreaCode", "01")).post("/api/v1/donations").then();
    }
}
