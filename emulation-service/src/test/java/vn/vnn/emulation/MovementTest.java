package vn.vnn.emulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.vnn.events.fund.DonationReceivedV1;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Donations raise the donors' standings in running movements, once per event; thresholds find candidates. */
@QuarkusTest
class MovementTest {

    @Inject
    ObjectMapper objectMapper;
    @Inject
    jakarta.persistence.EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @TestSecurity(user = "emulation.officer", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aDonationRaisesItsDonorsStandingOncePerEventAndCrossingTheThresholdMakesACandidate() throws Exception {
        String area = "9" + (int) (Math.random() * 1_000_000);
        String movement = given().contentType(ContentType.JSON).body(Map.of(
                        "code", "VNN-" + area, "name", "Phong trào \"Vì người nghèo\" tỉnh " + area,
                        "kind", "THEMATIC", "areaCode", area, "startsOn", "2025-01-01", "endsOn", "2025-12-31",
                        "criteria", List.of(
                                Map.of("code", "DONATED", "name", "Số tiền ủng hộ Quỹ", "measure", "DONATED_VND",
                                        "weight", 0.7, "target", 100_000_000, "candidateThreshold", 50_000_000),
                                Map.of("code", "GIFTS", "name", "Số lần ủng hộ", "measure", "DONATIONS",
                                        "weight", 0.3, "target", 10))))
                .post("/api/v1/emulation/movements").then().statusCode(201)
                .body("criteria", hasSize(2)).extract().path("id");

        String generous = UUID.randomUUID().toString();
        String modest = UUID.randomUUID().toString();
        String once = UUID.randomUUID().toString();
        send(once, donation(generous, "Công ty Than Hạ Long", "ORGANISATION", 40_000_000, area, false));
        send(once, donation(generous, "Công ty Than Hạ Long", "ORGANISATION", 40_000_000, area, false)); // again
        // An anonymous gift counts for no one, not even the donor the event names.
        send(UUID.randomUUID().toString(), donation(generous, DonationReceivedV1Names.ANONYMOUS, "ORGANISATION",
                20_000_000, area, true));
        send(UUID.randomUUID().toString(), donation(generous, "Công ty Than Hạ Long", "ORGANISATION", 20_000_000,
                area, false));
        send(UUID.randomUUID().toString(), donation(modest, "Bà Lý Thị Nga", "INDIVIDUAL", 10_000_000, area, false));
        // Outside the movement: another area, another year.
        send(UUID.randomUUID().toString(), donation(modest, "Bà Lý Thị Nga", "INDIVIDUAL", 99_000_000, "01", false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].name", equalTo("Công ty Than Hạ Long")).body("[0].rank", equalTo(1))
                .body("[0].values[0].value", equalTo(60_000_000.0f)).body("[0].values[1].value", equalTo(2.0f))
                .body("[1].name", equalTo("Bà Lý Thị Nga")).body("[1].values[0].value", equalTo(10_000_000.0f)));
        given().get("/api/v1/emulation/movements/" + movement + "/standings?participantKind=INDIVIDUAL").then()
                .body("", hasSize(1)).body("[0].rank", equalTo(1));
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then().statusCode(200)
                .body("", hasSize(1)).body("[0].name", equalTo("Công ty Than Hạ Long"))
                .body("[0].criterion", equalTo("DONATED")).body("[0].events", equalTo(2));
        given().get("/api/v1/emulation/movements/" + movement).then().body("participants", equalTo(2));
        given().get("/api/v1/emulation/movements/" + movement + "/standings?participantKind=ROBOT").then()
                .statusCode(422);
        given().get("/api/v1/emulation/movements/" + movement + "/standings?areaCode=" + area).then()
                .body("", hasSize(2));
        given().get("/api/v1/emulation/movements/" + movement + "/standings?areaCode=01").then()
                .body("", hasSize(0));
        given().get("/api/v1/emulation/movements/" + movement + "/standings?criterion=GIFTS").then().statusCode(200)
                .body("[0].name", equalTo("Công ty Than Hạ Long")).body("[0].score", equalTo(0.2f)); // 2 of 10
        given().get("/api/v1/emulation/movements/" + movement + "/standings?criterion=NOPE").then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "emulation.officer", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aCancelledDonationIsTakenBackEvenWhenTheCancellationArrivesFirst() throws Exception {
        String area = "9" + (int) (Math.random() * 1_000_000);
        String movement = given().contentType(ContentType.JSON).body(Map.of(
                        "code", "HUY-" + area, "name", "Phong trào ủng hộ " + area, "kind", "THEMATIC",
                        "areaCode", area, "startsOn", "2025-01-01", "endsOn", "2025-12-31",
                        "criteria", List.of(
                                Map.of("code", "DONATED", "name", "Số tiền ủng hộ Quỹ", "measure", "DONATED_VND",
                                        "weight", 1, "target", 100_000_000, "candidateThreshold", 50_000_000))))
                .post("/api/v1/emulation/movements").then().statusCode(201).extract().path("id");
        String donor = UUID.randomUUID().toString();
        DonationReceivedV1 big = donation(donor, "Công ty Xi măng Hà Tiên", "ORGANISATION", 60_000_000, area, false);
        DonationReceivedV1 small = donation(donor, "Công ty Xi măng Hà Tiên", "ORGANISATION", 5_000_000, area, false);
        DonationReceivedV1 returned = donation(donor, "Công ty Xi măng Hà Tiên", "ORGANISATION", 7_000_000, area,
                false);
        send(UUID.randomUUID().toString(), big);
        send(UUID.randomUUID().toString(), small);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("[0].values[0].value", equalTo(65_000_000.0f)));
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then().body("", hasSize(1));

        // The big gift is cancelled (twice delivered); the returned transfer's cancellation is consumed before its
        // receipt.
        String cancellation = UUID.randomUUID().toString();
        sendCancellation(cancellation, cancelled(big));
        sendCancellation(cancellation, cancelled(big));
        sendCancellation(UUID.randomUUID().toString(), cancelled(returned));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM donation_credit WHERE "
                + "donation_id = '" + returned.donationId() + "' AND credited_at IS NULL") == 1);
        send(UUID.randomUUID().toString(), returned); // arrives after its cancellation: credits nothing
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("[0].values[0].value", equalTo(5_000_000.0f)));
        // Below the threshold again: no longer a candidate.
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then().body("", hasSize(0));
        given().get("/api/v1/achievements/" + donor).then().statusCode(200)
                .body("totalDonatedVnd", equalTo(5_000_000)).body("donationCount", equalTo(1));
        // The evidence behind the score: the two donations credited, the cancelled one marked as taken back; the
        // returned transfer never counted.
        String participant = given().get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .extract().path("[0].participantId");
        given().get("/api/v1/emulation/movements/" + movement + "/participants/" + participant + "/credits").then()
                .statusCode(200).body("", hasSize(2))
                .body("findAll { !it.takenBack }.sourceRef", org.hamcrest.Matchers.contains(small.donationId()))
                .body("find { it.sourceRef == '" + big.donationId() + "' }.takenBack", equalTo(true))
                .body("sourceKind", org.hamcrest.Matchers.everyItem(equalTo("DONATION")));
    }

    @Test
    @TestSecurity(user = "council.member", roles = {"council-member", "emulation-officer"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void communesRiseWithTheirEscapesAndHousesOncePerEvent() throws Exception {
        String province = "8" + (int) (Math.random() * 1_000_000);
        String commune = province + "01";
        String movement = given().contentType(ContentType.JSON).body(Map.of(
                        "code", "XA-" + province, "name", "Xã, phường vì người nghèo", "kind", "THEMATIC",
                        "areaCode", province, "startsOn", "2025-01-01", "endsOn", "2025-12-31",
                        "criteria", List.of(
                                Map.of("code", "ESCAPED", "name", "Hộ thoát nghèo", "measure", "HOUSEHOLDS_ESCAPED",
                                        "weight", 0.6, "target", 50),
                                Map.of("code", "HOUSES", "name", "Nhà Đại đoàn kết", "measure", "HOUSES_BUILT",
                                        "weight", 0.4, "target", 10, "candidateThreshold", 2),
                                Map.of("code", "NEWLY", "name", "Hộ nghèo phát sinh", "measure",
                                        "HOUSEHOLDS_NEWLY_POOR", "weight", 0.2, "target", 5))))
                .post("/api/v1/emulation/movements").then().statusCode(201).extract().path("id");
        String escape = UUID.randomUUID().toString();
        sendRecognition(escape, recognition(commune, province, "ESCAPED_POVERTY"));
        sendRecognition(escape, recognition(commune, province, "ESCAPED_POVERTY")); // delivered twice
        sendRecognition(UUID.randomUUID().toString(), recognition(commune, province, "ESCAPED_POVERTY"));
        sendRecognition(UUID.randomUUID().toString(), recognition(commune, province, "UNCHANGED"));
        // Payments name only the commune; its province is known once a recognition of it has been seen.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("[0].values[0].value", equalTo(2.0f)));
        for (int i = 0; i < 2; i++) {
            sendPayment(UUID.randomUUID().toString(), new vn.vnn.events.fund.DisbursementPaidV1(
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), commune, "HOUSING", 40_000_000,
                    LocalDate.of(2025, 11, 1), null, "09/QĐ", "fund.officer", null));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then().statusCode(200)
                .body("", hasSize(1)).body("[0].name", equalTo("Xã, phường " + commune))
                .body("[0].values[0].value", equalTo(2.0f)).body("[0].values[1].value", equalTo(2.0f)));
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then()
                .body("[0].criterion", equalTo("HOUSES")).body("[0].events", equalTo(2));
        // The evidence that made it a candidate: two recognitions by decision, two houses paid.
        String participant = given().get("/api/v1/emulation/movements/" + movement + "/candidates").then()
                .extract().path("[0].participantId");
        given().get("/api/v1/emulation/movements/" + movement + "/participants/" + participant + "/credits").then()
                .statusCode(200).body("", hasSize(4))
                .body("findAll { it.sourceKind == 'RECOGNITION' }.sourceRef", org.hamcrest.Matchers.contains("1/QĐ",
                        "1/QĐ"))
                .body("findAll { it.sourceKind == 'HOUSE' }.criterion", org.hamcrest.Matchers.contains("HOUSES",
                        "HOUSES"));
        // A second payment for a house already counted adds no house.
        String house = given().get("/api/v1/emulation/movements/" + movement + "/participants/" + participant
                + "/credits").then().extract().path("find { it.sourceKind == 'HOUSE' }.sourceRef");
        sendPayment(UUID.randomUUID().toString(), new vn.vnn.events.fund.DisbursementPaidV1(
                UUID.randomUUID().toString(), house, commune, "HOUSING", 20_000_000, LocalDate.of(2025, 11, 20), null,
                "10/QĐ", "fund.officer", "NEW_BUILD"));
        // A repaired house is not a house built (docs/domain-rules.md, rule 14): HOUSES_BUILT stays at 2.
        sendPayment(UUID.randomUUID().toString(), new vn.vnn.events.fund.DisbursementPaidV1(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), commune, "HOUSING", 15_000_000,
                LocalDate.of(2025, 11, 21), null, "11/QĐ", "fund.officer", "REPAIR"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/participants/" + participant + "/credits").then()
                .body("findAll { it.sourceKind == 'DISBURSEMENT' }", hasSize(0)).body("", hasSize(4)));
        given().get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("[0].values[1].value", equalTo(2.0f));
        // A newly poor household counts against the commune: 2/50×0.6 + 2/10×0.4 − 1/5×0.2 = 0.024 + 0.08 − 0.04.
        sendRecognition(UUID.randomUUID().toString(), recognition(commune, province, "NEWLY_POOR"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("[0].values[2].value", equalTo(1.0f)).body("[0].score", equalTo(0.064f)));
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then().body("", hasSize(1));
        // Growing a measure where more is worse never makes a candidate: no threshold on it.
        given().contentType(ContentType.JSON).body(Map.of("code", "XB-" + province, "name", "x", "kind", "THEMATIC",
                        "areaCode", province, "startsOn", "2025-01-01", "endsOn", "2025-12-31", "criteria",
                        List.of(Map.of("code", "RE_POOR", "name", "Hộ tái nghèo", "measure", "HOUSEHOLDS_RE_POOR",
                                "weight", 1, "target", 1, "candidateThreshold", 1))))
                .post("/api/v1/emulation/movements").then().statusCode(422)
                .body("errors[0].field", equalTo("criteria[0].candidateThreshold"));
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void onlyEmulationPeopleSeeMovements() {
        given().get("/api/v1/emulation/movements").then().statusCode(403);
    }

    /**
     * The fall of a commune's poverty rate over a movement (docs/domain-rules.md, rule 12): the rate of the year
     * before it starts minus the latest within it, of the same commune version; a later change of figures moves it.
     */
    @Test
    @TestSecurity(user = "council.member", roles = {"council-member", "emulation-officer"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aCommuneRisesWithTheFallOfItsPovertyRate() throws Exception {
        String province = "7" + (int) (Math.random() * 1_000_000);
        String commune = province + "02";
        LocalDate version = LocalDate.of(2008, 1, 1);
        String movement = given().contentType(ContentType.JSON).body(Map.of(
                        "code", "TL-" + province, "name", "Giảm nghèo bền vững", "kind", "THEMATIC",
                        "areaCode", province, "startsOn", "2025-01-01", "endsOn", "2026-12-31",
                        "criteria", List.of(Map.of("code", "FALL", "name", "Tỷ lệ hộ nghèo giảm (điểm %)",
                                "measure", "POVERTY_RATE_FALL", "weight", 1, "target", 2, "candidateThreshold", 3))))
                .post("/api/v1/emulation/movements").then().statusCode(201).extract().path("id");
        // 2024 (the year before): 10 of 200 = 5.00 %; nothing counts before a year within the movement
        sendRate(rate(commune, version, province, 2024, 200, 10, "2025-01-10"));
        // 2025: 2 of 200 = 1.00 % → a fall of 4.00 points, over the candidate threshold of 3
        sendRate(rate(commune, version, province, 2025, 200, 2, "2025-12-20"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("[0].values[0].value", equalTo(4.0f)).body("[0].score", equalTo(2.0f)));
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then()
                .body("[0].criterion", equalTo("FALL"));
        // 2026 so far: 5 of 200 = 2.50 % → the latest year counts: a fall of 2.50; the same figures again change
        // nothing, older figures of 2025 arriving late change nothing, another version of the code is another unit
        sendRate(rate(commune, version, province, 2026, 200, 5, "2026-06-01"));
        sendRate(rate(commune, version, province, 2026, 200, 5, "2026-06-01"));
        sendRate(rate(commune, version, province, 2025, 200, 9, "2025-11-01"));
        sendRate(rate(commune, LocalDate.of(2025, 7, 1), province, 2026, 300, 0, "2026-06-02"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .body("", hasSize(1)).body("[0].values[0].value", equalTo(2.5f)));
        String participant = given().get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .extract().path("[0].participantId");
        given().get("/api/v1/emulation/movements/" + movement + "/participants/" + participant + "/credits").then()
                .statusCode(200).body("sourceKind", org.hamcrest.Matchers.everyItem(equalTo("STATISTICS")))
                .body("value", org.hamcrest.Matchers.contains(-1.5f, 4.0f));
    }

    private void sendRate(vn.vnn.events.household.CommunePovertyRateV1 event) throws Exception {
        EmulationServiceTest.publish(bootstrapServers, vn.vnn.events.EventType.COMMUNE_POVERTY_RATE,
                UUID.randomUUID().toString(), event.communeCode(), objectMapper.writeValueAsString(event));
    }

    private static vn.vnn.events.household.CommunePovertyRateV1 rate(String commune, LocalDate version,
                                                                    String province, int year, long resident,
                                                                    long poor, String asOf) {
        return new vn.vnn.events.household.CommunePovertyRateV1(commune, version, province, year, resident, poor,
                "REGISTRY", LocalDate.parse(asOf));
    }

    private void sendRecognition(String eventId, vn.vnn.events.household.HouseholdStatusRecognizedV1 event)
            throws Exception {
        EmulationServiceTest.publish(bootstrapServers, vn.vnn.events.EventType.HOUSEHOLD_STATUS_RECOGNIZED, eventId,
                event.householdId(), objectMapper.writeValueAsString(event));
    }

    private void sendPayment(String eventId, vn.vnn.events.fund.DisbursementPaidV1 event) throws Exception {
        EmulationServiceTest.publish(bootstrapServers, vn.vnn.events.EventType.DISBURSEMENT_PAID, eventId,
                event.disbursementId(), objectMapper.writeValueAsString(event));
    }

    private static vn.vnn.events.household.HouseholdStatusRecognizedV1 recognition(String commune, String province,
                                                                                 String transition) {
        return new vn.vnn.events.household.HouseholdStatusRecognizedV1(UUID.randomUUID().toString(), "HH-1",
                commune, province, "RURAL", "NEAR_POOR", "POOR", transition, "VN-MPS-2022", 2025,
                LocalDate.of(2025, 12, 10), "1/QĐ", 4, "commune.chairman");
    }

    private long count(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private void sendCancellation(String eventId, vn.vnn.events.fund.DonationCancelledV1 event) throws Exception {
        EmulationServiceTest.publish(bootstrapServers, vn.vnn.events.EventType.DONATION_CANCELLED, eventId,
                event.donationId(), objectMapper.writeValueAsString(event));
    }

    private static vn.vnn.events.fund.DonationCancelledV1 cancelled(DonationReceivedV1 donation) {
        return new vn.vnn.events.fund.DonationCancelledV1(donation.donationId(), donation.donorId(), donation.kind(),
                donation.amountVnd(), donation.receivedOn(), donation.receivedOn().plusDays(3),
                donation.fundAreaCode(), "BL-1", "Ngân hàng hoàn trả", "fund.officer");
    }

    private void send(String eventId, DonationReceivedV1 event) throws Exception {
        EmulationServiceTest.sendDonation(bootstrapServers, objectMapper, eventId, event);
    }

    private static DonationReceivedV1 donation(String donor, String name, String type, long amount, String area,
                                               boolean anonymous) {
        return new DonationReceivedV1(UUID.randomUUID().toString(), donor, name, type, anonymous, "CASH", amount,
                "01".equals(area) ? LocalDate.of(2024, 6, 1) : LocalDate.of(2025, 10, 17), area, null, null,
                "fund.officer");
    }

    /** The name fund-service gives anonymous donors in its events. */
    private static final class DonationReceivedV1Names {
        static final String ANONYMOUS = "Nhà hảo tâm ẩn danh";
    }
}
