package vn.vnn.emulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.localstack.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Rankings of donors are read within the caller's areas, anonymous gifts never count towards a named donor, and
 * partners read aggregates only.
 */
@QuarkusTest
class AchievementScopeTest {

    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRankingShowsGiftsToTheCallersAreasAndNeverAnAnonymousGiftUnderAName() throws Exception {
        String a = area("A");
        String b = area("B");
        String donor = UUID.randomUUID().toString();
        String name = "Công ty TNHH Hạt Giống Xanh " + a;
        String national = TestTokens.of("thi.dua.tw", List.of("emulation-officer"), List.of("VN"));
        String movement = given().auth().oauth2(national).contentType(ContentType.JSON)
                .body(Map.of("code", "M" + a, "name", "Tháng cao điểm " + a, "kind", "THEMATIC", "areaCode", a,
                        "startsOn", "2025-10-01", "endsOn", "2025-11-30", "criteria", List.of(Map.of("code",
                                "DONATED", "name", "Số tiền ủng hộ", "measure", "DONATED_VND", "weight", 1,
                                "target", 100_000_000))))
                .post("/api/v1/emulation/movements").then().statusCode(201).extract().path("id");

        send(new DonationReceivedV1(UUID.randomUUID().toString(), donor, name, "ORGANISATION", false, "CASH",
                5_000_000, LocalDate.of(2025, 10, 17), a, null, "Q" + a + "/2025/000001", "fund.officer"));
        send(new DonationReceivedV1(UUID.randomUUID().toString(), donor, name, "ORGANISATION", false, "CASH",
                3_000_000, LocalDate.of(2025, 10, 18), b, null, "Q" + b + "/2025/000001", "fund.officer"));
        // Anonymous: as fund-service sends it (no donor) and as an older producer did (with the donor's id).
        send(new DonationReceivedV1(UUID.randomUUID().toString(), null, "Nhà hảo tâm ẩn danh", "ORGANISATION", true,
                "CASH", 2_000_000, LocalDate.of(2025, 10, 19), a, null, "Q" + a + "/2025/000002", "fund.officer"));
        send(new DonationReceivedV1(UUID.randomUUID().toString(), donor, "Nhà hảo tâm ẩn danh", "ORGANISATION",
                true, "CASH", 4_000_000, LocalDate.of(2025, 10, 20), a, null, "Q" + a + "/2025/000003",
                "fund.officer"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(national)
                .get("/api/v1/achievements/" + donor).then().statusCode(200)
                .body("totalDonatedVnd", equalTo(8_000_000)).body("donationCount", equalTo(2))
                .body("participantName", equalTo(name)));
        String officerA = TestTokens.of("thi.dua." + a, List.of("emulation-officer"), List.of(a));
        given().auth().oauth2(officerA).get("/api/v1/achievements/" + donor).then().statusCode(200)
                .body("totalDonatedVnd", equalTo(5_000_000)).body("donationCount", equalTo(1));
        given().auth().oauth2(officerA).get("/api/v1/achievements?size=100").then().statusCode(200)
                .body("items.find { it.participantId == '" + donor + "' }.totalDonatedVnd", equalTo(5_000_000));
        String fundOfficerB = TestTokens.of("quy." + b, List.of("fund-officer"), List.of(b));
        given().auth().oauth2(fundOfficerB).get("/api/v1/achievements/" + donor).then().statusCode(200)
                .body("totalDonatedVnd", equalTo(3_000_000));
        String elsewhere = TestTokens.of("thi.dua.c", List.of("council-member"), List.of(area("C")));
        given().auth().oauth2(elsewhere).get("/api/v1/achievements/" + donor).then().statusCode(404);
        given().auth().oauth2(elsewhere).get("/api/v1/achievements?size=100").then().statusCode(200)
                .body("items.participantId", not(hasItem(donor)));
        given().auth().oauth2(TestTokens.of("nobody", List.of("emulation-officer"), List.of()))
                .get("/api/v1/achievements?size=100").then().statusCode(200).body("totalItems", equalTo(0));

        // The movement's standings: the named gift only.
        given().auth().oauth2(officerA).get("/api/v1/emulation/movements/" + movement + "/standings").then()
                .statusCode(200).body("[0].name", equalTo(name)).body("[0].values[0].value", equalTo(5_000_000.0f));

        // Partners: aggregates of their areas, no names, no ranking, no single donor.
        String partner = TestTokens.of("service-account-partner", List.of("partner"), List.of(a));
        given().auth().oauth2(partner).get("/api/v1/achievements").then().statusCode(403);
        given().auth().oauth2(partner).get("/api/v1/achievements/" + donor).then().statusCode(403);
        String summary = given().auth().oauth2(partner).get("/api/v1/achievements/summary").then().statusCode(200)
                .body("areas.size()", equalTo(1)).body("areas[0].areaCode", equalTo(a))
                .body("areas[0].participants", equalTo(1)).body("areas[0].totalDonatedVnd", equalTo(5_000_000))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(summary).doesNotContain(name).doesNotContain(donor);
    }

    private void send(DonationReceivedV1 event) throws Exception {
        EmulationServiceTest.sendDonation(bootstrapServers, objectMapper, UUID.randomUUID().toString(), event);
    }

    private static String area(String prefix) {
        return prefix + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
    }
}
