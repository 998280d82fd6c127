package vn.vnn.emulation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.emulation.nominations.AwardRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A nomination from submission to decision; quorum, majority, the base salary of the date, revocation. */
@QuarkusTest
class NominationTest {

    private static final List<Map<String, String>> DOSSIER = List.of(
            Map.of("kind", "SUBMISSION", "name", "Tờ trình 12/TTr-UBND", "reference", "VB-2025-12"),
            Map.of("kind", "ACHIEVEMENT_REPORT", "name", "Báo cáo thành tích", "reference", "VB-2025-13"),
            Map.of("kind", "COUNCIL_MINUTES", "name", "Biên bản họp Hội đồng TĐKT xã", "reference", "VB-2025-14"));

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "thi.dua", roles = {"emulation-officer", "council-member", "province-chairman"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void fromSubmissionToADecidedAwardWithTheBaseSalaryOfItsDate() throws Exception {
        UUID movement = movement();
        UUID company = participant("COLLECTIVE", "Công ty CP Than Núi Béo");
        UUID family = participant("HOUSEHOLD", "Gia đình ông Lò Văn Páo");

        // Submitted by another officer, so that this one may appraise.
        UUID first = submitted(movement, company, "BANG_KHEN_UBND_TINH");
        given().contentType(ContentType.JSON).body(Map.of("movementId", movement, "participantId", company,
                        "awardForm", "GIAY_KHEN_UBND_XA", "achievementSummary", "lần hai", "attachments", DOSSIER))
                .post("/api/v1/emulation/nominations").then().statusCode(409); // one achievement, one form
        step(first, "appraisal", Map.of("approve", true, "note", "Đủ hồ sơ", "version", 0)).statusCode(200)
                .body("status", equalTo("APPRAISED"));
        step(first, "council", Map.of("members", List.of("thi.dua", "hoi.dong.2", "hoi.dong.3"), "quorum", 2,
                "version", 1)).statusCode(200).body("status", equalTo("AT_COUNCIL"));
        step(first, "votes", Map.of("vote", "YES")).statusCode(200).body("yes", equalTo(1));
        given().post("/api/v1/emulation/nominations/" + first + "/count?version=2").then().statusCode(409); // 1 of 3
        vote(first, "hoi.dong.2", "YES");
        given().post("/api/v1/emulation/nominations/" + first + "/count?version=2").then().statusCode(200)
                .body("status", equalTo("COUNCIL_APPROVED"));
        given().get("/api/v1/emulation/nominations/" + first + "/certificate.pdf").then().statusCode(409);
        step(first, "decision", Map.of("decisionNo", "1234/QĐ-UBND", "decidedOn", "2025-11-20",
                        "authorityName", "Ủy ban nhân dân tỉnh Quảng Ninh", "version", 3))
                .statusCode(200).body("status", equalTo("DECIDED"))
                // A collective's Bằng khen: 2 × (1.5 × 2,340,000 = 3,510,000) = 7,020,000 (NĐ 152/2025; NĐ 91/2017 art. 73).
                .body("baseSalaryVnd", equalTo(2_340_000)).body("rewardVnd", equalTo(7_020_000));
        byte[] pdf = given().get("/api/v1/emulation/nominations/" + first + "/certificate.pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
                .getTextFromPage(1);
        assertThat(text).contains("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "BẰNG KHEN", "Công ty CP Than Núi Béo",
                "Quyết định số 1234/QĐ-UBND ngày 20 tháng 11 năm 2025", "Độc lập - Tự do - Hạnh phúc");
        given().get("/api/v1/public/honours?movementId=" + movement).then().statusCode(200)
                .body("items.participantName", org.hamcrest.Matchers.hasItem("Công ty CP Than Núi Béo"));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + first
                + "' AND event_type = 'vn.vnn.emulation.award-decided.v1'")).isEqualTo(1);

        // A new base salary applies to later decisions only; a household gets 1.5× the individual amount.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO base_salary VALUES (DATE '2026-07-01', 2600000, 'test') ON CONFLICT DO NOTHING")
                .executeUpdate());
        UUID second = submitted(movement, family, "BANG_KHEN_UBND_TINH");
        step(second, "appraisal", Map.of("approve", true, "version", 0)).statusCode(200);
        step(second, "council", Map.of("members", List.of("thi.dua", "hoi.dong.2"), "quorum", 2, "version", 1))
                .statusCode(200);
        step(second, "votes", Map.of("vote", "YES")).statusCode(200);
        vote(second, "hoi.dong.2", "YES");
        given().post("/api/v1/emulation/nominations/" + second + "/count?version=2").then().statusCode(200);
        step(second, "decision", Map.of("decisionNo", "88/QĐ-UBND", "decidedOn", "2026-08-01", "version", 3))
                .statusCode(200).body("baseSalaryVnd", equalTo(2_600_000)).body("rewardVnd", equalTo(5_850_000));
        given().get("/api/v1/emulation/nominations/" + first).then().body("rewardVnd", equalTo(7_020_000));

        // The reward is paid once; a revocation recovers at most what was paid.
        step(first, "payment", Map.of("paidOn", "2025-11-25", "voucherNo", "PC-0153", "version", 4))
                .statusCode(200).body("rewardPaidOn", equalTo("2025-11-25")).body("paymentVoucher", equalTo("PC-0153"));
        step(first, "payment", Map.of("paidOn", "2025-11-26", "voucherNo", "PC-0154", "version", 5)).statusCode(409);
        step(first, "revocation", Map.of("reason", "Khai man thành tích", "recoveredVnd", 7_020_001, "version", 5))
                .statusCode(422);
        step(first, "revocation", Map.of("reason", "Khai man thành tích", "recoveredVnd", 7_020_000, "version", 5))
                .statusCode(200).body("status", equalTo("REVOKED")).body("recoveredVnd", equalTo(7_020_000));
        given().get("/api/v1/public/honours?movementId=" + movement).then().statusCode(200)
                .body("items.participantName", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "Công ty CP Than Núi Béo")))
                .body("items.participantName", org.hamcrest.Matchers.hasItem("Gia đình ông Lò Văn Páo"));
        assertThat(count("SELECT count(*) FROM nomination_step WHERE nomination_id = '" + first + "'"))
                .isEqualTo(7);
    }

    @Test
    @TestSecurity(user = "thi.dua", roles = {"emulation-officer", "council-member"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aCouncilThatSaysNoRejectsAndTheSubmitterCannotAppraise() {
        UUID movement = movement();
        UUID person = participant("INDIVIDUAL", "Bà Hà Thị Lan");
        String own = given().contentType(ContentType.JSON).body(Map.of("movementId", movement, "participantId",
                        person, "awardForm", "GIAY_KHEN_UBND_XA", "achievementSummary", "Vận động 200 triệu đồng",
                        "attachments", DOSSIER))
                .post("/api/v1/emulation/nominations").then().statusCode(201).extract().path("id");
        step(UUID.fromString(own), "appraisal", Map.of("approve", true, "version", 0)).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("movementId", movement, "participantId", person,
                        "awardForm", "TAP_THE_LAO_DONG_XUAT_SAC", "achievementSummary", "x", "attachments", DOSSIER))
                .post("/api/v1/emulation/nominations").then().statusCode(422); // a collective's title

        UUID other = submitted(movement, participant("INDIVIDUAL", "Ông Vàng A Sử"), "GIAY_KHEN_UBND_XA");
        step(other, "appraisal", Map.of("approve", true, "version", 0)).statusCode(200);
        step(other, "council", Map.of("members", List.of("thi.dua", "hoi.dong.2", "hoi.dong.3"), "quorum", 2,
                "version", 1)).statusCode(200);
        step(other, "votes", Map.of("vote", "YES")).statusCode(200);
        vote(other, "hoi.dong.2", "NO");
        given().post("/api/v1/emulation/nominations/" + other + "/count?version=2").then().statusCode(200)
                .body("status", equalTo("REJECTED")); // 1 YES of 3 members is no majority
        step(other, "decision", Map.of("decisionNo", "x", "decidedOn", "2025-11-20", "version", 3)).statusCode(403);
    }

    @Test
    @TestSecurity(user = "thi.dua", roles = {"emulation-officer", "province-chairman"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void anAnnouncedNomineeTakesCommentsAndIsDecidedOnlyAfterThePeriod() {
        UUID movement = movement();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        UUID open = approved(movement, participant("INDIVIDUAL", "Ông Đinh Văn Hùng"), "BANG_KHEN_UBND_TINH");
        step(open, "announcement", Map.of("announcedOn", today.plusDays(1).toString(), "version", 0))
                .statusCode(422); // never in the future
        step(open, "announcement", Map.of("days", 7, "version", 0)).statusCode(200)
                .body("status", equalTo("ANNOUNCED")).body("commentsUntil", equalTo(today.plusDays(6).toString()));
        given().get("/api/v1/public/honours/announcements").then().statusCode(200)
                .body("items.find { it.nominationId == '" + open + "' }.participantName", equalTo("Ông Đinh Văn Hùng"));
        given().contentType(ContentType.JSON).body(Map.of("authorName", "Nguyễn Văn Dân", "contact", "0912345678",
                        "text", "Ông Hùng đã vận động được 30 hộ thoát nghèo, tôi đồng ý."))
                .post("/api/v1/public/honours/announcements/" + open + "/comments").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("text", " "))
                .post("/api/v1/public/honours/announcements/" + open + "/comments").then().statusCode(422);
        // The same text again (spacing and case aside) is the same comment: not stored twice.
        given().contentType(ContentType.JSON).body(Map.of("text", "ông Hùng đã vận động được 30 hộ thoát  nghèo, "
                        + "tôi đồng ý."))
                .post("/api/v1/public/honours/announcements/" + open + "/comments").then().statusCode(200)
                .body("duplicate", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(4001)))
                .post("/api/v1/public/honours/announcements/" + open + "/comments").then().statusCode(422)
                .body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Dòng một\nDòng hai\u0000"))
                .post("/api/v1/public/honours/announcements/" + open + "/comments").then().statusCode(422)
                .body("errors[0].field", equalTo("text"));
        given().get("/api/v1/emulation/nominations/" + open + "/comments").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].moderation", equalTo("VISIBLE"))
                .body("items[0].contact", equalTo("0912345678"))
                .body("items[0].authorName", equalTo("Nguyễn Văn Dân"));
        String commentId = given().get("/api/v1/emulation/nominations/" + open + "/comments").then()
                .extract().path("items[0].id");
        String moderation = "/api/v1/emulation/nominations/" + open + "/comments/" + commentId + "/moderation";
        given().contentType(ContentType.JSON).body(Map.of("state", "HIDDEN", "reason", "Quảng cáo", "version", 0))
                .put(moderation).then().statusCode(200).body("moderation", equalTo("HIDDEN"))
                .body("text", org.hamcrest.Matchers.startsWith("Ông Hùng"));
        given().contentType(ContentType.JSON).body(Map.of("state", "VISIBLE", "version", 0))
                .put(moderation).then().statusCode(409);
        // One address may send a few comments in ten minutes, then waits.
        int accepted = 1;
        int status = 201;
        for (int i = 0; i < 10 && status == 201; i++) {
            status = given().contentType(ContentType.JSON).body(Map.of("text", "Ý kiến số " + i))
                    .post("/api/v1/public/honours/announcements/" + open + "/comments").then().extract().statusCode();
            accepted += status == 201 ? 1 : 0;
        }
        assertThat(status).isEqualTo(429);
        assertThat(accepted).isLessThanOrEqualTo(5);
        given().get("/api/v1/emulation/nominations/" + open).then().body("comments", equalTo(accepted));
        step(open, "decision", Map.of("decisionNo", "A-" + open, "decidedOn", today.plusDays(7).toString(),
                "version", 1)).statusCode(409); // comments still open
        step(open, "rejection", Map.of("reason", "Có ý kiến phản ánh cần xác minh thêm", "version", 1))
                .statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Có ý kiến phản ánh cần xác minh thêm"));
        given().contentType(ContentType.JSON).body(Map.of("text", "muộn"))
                .post("/api/v1/public/honours/announcements/" + open + "/comments").then().statusCode(404);

        // Posted twelve days ago for ten days: closed to comments, open to the decision.
        UUID closed = approved(movement, participant("COLLECTIVE", "Hợp tác xã Nông nghiệp Tân Lập"),
                "BANG_KHEN_UBND_TINH");
        step(closed, "announcement", Map.of("announcedOn", today.minusDays(12).toString(), "days", 10,
                "version", 0)).statusCode(422); // the period cannot start before it is recorded
        step(closed, "announcement", Map.of("days", 10, "version", 0)).statusCode(200);
        // Twelve days pass.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE nomination SET announced_on = announced_on - 12, comments_until = comments_until - 12
                        WHERE id = ?1""").setParameter(1, closed).executeUpdate());
        given().contentType(ContentType.JSON).body(Map.of("text", "muộn"))
                .post("/api/v1/public/honours/announcements/" + closed + "/comments").then().statusCode(409);
        step(closed, "decision", Map.of("decisionNo", "B-" + closed, "decidedOn", today.minusDays(3).toString(),
                "version", 1)).statusCode(409); // dated inside the period
        step(closed, "decision", Map.of("decisionNo", "B-" + closed, "decidedOn", today.toString(), "version", 1))
                .statusCode(200).body("status", equalTo("DECIDED"));
    }

    @Test
    @TestSecurity(user = "thi.dua", roles = {"emulation-officer", "province-chairman"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aFormThatRequiresAnAnnouncementIsNotDecidedWithoutOne() {
        UUID movement = movement();
        UUID nomination = approved(movement, participant("INDIVIDUAL", "Bà Sầm Thị Mai"), "CHIEN_SI_THI_DUA_TINH");
        setAnnouncementDays("CHIEN_SI_THI_DUA_TINH", 15);
        try {
            step(nomination, "decision", Map.of("decisionNo", "C-" + nomination, "decidedOn", "2025-12-01",
                    "version", 0)).statusCode(409);
            step(nomination, "announcement", Map.of("days", 5, "version", 0)).statusCode(422);
            step(nomination, "announcement", Map.of("version", 0)).statusCode(200).body("commentsUntil",
                    equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(14).toString()));
        } finally {
            setAnnouncementDays("CHIEN_SI_THI_DUA_TINH", null);
        }
    }

    @Test
    void theHonoursBoardIsPublic() {
        given().get("/api/v1/public/honours").then().statusCode(200);
        given().get("/api/v1/emulation/movements").then().statusCode(401);
    }

    /**
     * The multiple and the base salary in force on the decision's date (NĐ 98/2023 → NĐ 152/2025 on 1 July 2025);
     * both can be added by an admin as new decrees come, never edited.
     */
    @Test
    @TestSecurity(user = "quan.tri", roles = {"admin"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void theMultipleAndTheBaseSalaryAreThoseInForceOnTheDecisionsDate() {
        UUID movement = movement();
        UUID before = approved(movement, participant("INDIVIDUAL", "Bà Lường Thị Mai"), "BANG_KHEN_UBND_TINH");
        step(before, "decision", Map.of("decisionNo", "301/QĐ-UBND", "decidedOn", "2025-06-30", "version", 0))
                .statusCode(200).body("rewardVnd", equalTo(2_340_000)); // 1.0 × 2,340,000 (NĐ 98/2023)
        UUID after = approved(movement, participant("INDIVIDUAL", "Ông Hà Văn Toàn"), "BANG_KHEN_UBND_TINH");
        step(after, "decision", Map.of("decisionNo", "302/QĐ-UBND", "decidedOn", "2025-07-01", "version", 0))
                .statusCode(200).body("rewardVnd", equalTo(3_510_000)); // 1.5 × 2,340,000 (NĐ 152/2025)

        Map<String, Object> salary = Map.of("validFrom", "2027-07-01", "amountVnd", 2_900_000,
                "legalBasis", "Nghị định (giả định cho kiểm thử)");
        given().contentType(ContentType.JSON).body(salary).post("/api/v1/emulation/base-salaries").then()
                .statusCode(201).body("amountVnd", equalTo(2_900_000));
        given().contentType(ContentType.JSON).body(salary).post("/api/v1/emulation/base-salaries").then()
                .statusCode(409);
        Map<String, Object> rate = Map.of("validFrom", "2027-01-01", "multiple", 2.0,
                "legalBasis", "Nghị định (giả định cho kiểm thử)");
        given().contentType(ContentType.JSON).body(rate).post("/api/v1/emulation/award-forms/BANG_KHEN_UBND_TINH/rates")
                .then().statusCode(201).body("rates.multiple", org.hamcrest.Matchers.hasItems(1.0f, 1.5f, 2.0f));
        given().contentType(ContentType.JSON).body(rate).post("/api/v1/emulation/award-forms/BANG_KHEN_UBND_TINH/rates")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(rate).post("/api/v1/emulation/award-forms/NO_SUCH_FORM/rates")
                .then().statusCode(404);
        given().get("/api/v1/emulation/base-salaries").then().statusCode(200)
                .body("amountVnd", org.hamcrest.Matchers.hasItems(2_340_000, 2_900_000));
        UUID later = approved(movement, participant("COLLECTIVE", "Hợp tác xã Bản Mòng"), "BANG_KHEN_UBND_TINH");
        step(later, "decision", Map.of("decisionNo", "303/QĐ-UBND", "decidedOn", "2027-08-01", "version", 0))
                .statusCode(200).body("baseSalaryVnd", equalTo(2_900_000))
                .body("rewardVnd", equalTo(11_600_000)); // 2 × (2.0 × 2,900,000 = 5,800,000)
        // A decision taken earlier keeps the money it was decided with.
        given().get("/api/v1/emulation/nominations/" + after).then().body("rewardVnd", equalTo(3_510_000));
    }

    /** Individual titles go to individuals only; Bằng khen and Giấy khen to all three kinds (Luật TĐKT 2022). */
    @Test
    @TestSecurity(user = "thi.dua", roles = {"emulation-officer"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void anIndividualTitleIsRefusedForAHouseholdOrACollective() {
        UUID movement = movement();
        for (String kind : List.of("HOUSEHOLD", "COLLECTIVE")) {
            given().contentType(ContentType.JSON).body(Map.of("movementId", movement, "participantId",
                            participant(kind, "Đối tượng " + kind), "awardForm", "LAO_DONG_TIEN_TIEN",
                            "achievementSummary", "x", "attachments", DOSSIER))
                    .post("/api/v1/emulation/nominations").then().statusCode(422)
                    .body("errors[0].field", equalTo("awardForm"));
        }
        given().contentType(ContentType.JSON).body(Map.of("movementId", movement, "participantId",
                        participant("HOUSEHOLD", "Gia đình bà Sùng Thị Dợ"), "awardForm", "GIAY_KHEN_UBND_XA",
                        "achievementSummary", "x", "attachments", DOSSIER))
                .post("/api/v1/emulation/nominations").then().statusCode(201);
    }

    /** One achievement, one form — per period: a mid-term and a final award; a revoked award blocks nothing. */
    @Test
    @TestSecurity(user = "thi.dua", roles = {"emulation-officer"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void oneAchievementEarnsOneFormPerPeriod() {
        UUID movement = movement();
        UUID person = participant("INDIVIDUAL", "Bà Vi Thị Hạnh");
        String midTerm = nominate(movement, person, "2025-01-01", "2025-06-30").statusCode(201).extract().path("id");
        nominate(movement, person, "2025-07-01", "2025-12-31").statusCode(201)
                .body("periodFrom", equalTo("2025-07-01")).body("periodTo", equalTo("2025-12-31"));
        nominate(movement, person, "2025-06-01", "2025-06-30").statusCode(409);
        nominate(movement, person, "2024-12-01", "2025-06-30").statusCode(422); // before the movement
        nominate(movement, person, "2025-06-30", "2025-06-01").statusCode(422);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE nomination SET status = 'REVOKED' WHERE id = CAST(?1 AS uuid)").setParameter(1, midTerm)
                .executeUpdate());
        nominate(movement, person, "2025-01-01", "2025-06-30").statusCode(201);
    }

    private ValidatableResponse nominate(UUID movement, UUID participant, String from, String to) {
        return given().contentType(ContentType.JSON).body(Map.of("movementId", movement, "participantId", participant,
                        "awardForm", "GIAY_KHEN_UBND_XA", "periodFrom", from, "periodTo", to,
                        "achievementSummary", "Vận động ủng hộ", "attachments", DOSSIER))
                .post("/api/v1/emulation/nominations").then();
    }

    @Test
    void rewardsAndCouncilRules() {
        assertThat(AwardRules.reward(new BigDecimal("1.5"), 2_340_000, "INDIVIDUAL", true)).isEqualTo(3_510_000);
        // 0.3 × 2,340,000 = 702,000 → 710,000; × 1.5 = 1,065,000 → 1,070,000 (AwardRulesTest spells out the rest)
        assertThat(AwardRules.reward(new BigDecimal("0.3"), 2_340_000, "HOUSEHOLD", true)).isEqualTo(1_070_000);
        assertThat(AwardRules.council(5, 3, List.of("YES", "YES"))).isEqualTo(AwardRules.Outcome.NO_QUORUM);
        assertThat(AwardRules.council(5, 3, List.of("YES", "YES", "ABSTAIN"))).isEqualTo(AwardRules.Outcome.REJECTED);
        assertThat(AwardRules.council(5, 3, List.of("YES", "YES", "YES"))).isEqualTo(AwardRules.Outcome.APPROVED);
    }

    private UUID movement() {
        String code = "M" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        return UUID.fromString(given().auth().none().contentType(ContentType.JSON).body(Map.of("code", code,
                        "name", "Phong trào " + code, "kind", "THEMATIC", "areaCode", "VN", "startsOn", "2025-01-01",
                        "endsOn", "2025-12-31", "criteria", List.of(Map.of("code", "DONATED", "name", "Ủng hộ",
                                "measure", "DONATED_VND", "weight", 1, "target", 100_000_000))))
                .post("/api/v1/emulation/movements").then().statusCode(201).extract().path("id"));
    }

    private UUID participant(String kind, String name) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                VALUES (?1, ?2, ?3, '99', 'MANUAL', ?4, now())""").setParameter(1, id).setParameter(2, kind)
                .setParameter(3, name).setParameter(4, id.toString()).executeUpdate());
        return id;
    }

    /** A nomination submitted by another officer of the emulation office. */
    private UUID submitted(UUID movement, UUID participant, String form) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO nomination (id, movement_id, participant_id, award_form, status, achievement_summary,
                  attachments, submitted_by, submitted_at, period_from, period_to)
                SELECT ?1, ?2, ?3, ?4, 'SUBMITTED', 'Thành tích xuất sắc', '[]', 'can.bo.khac', now(), m.starts_on,
                       m.ends_on
                FROM movement m WHERE m.id = ?2""")
                .setParameter(1, id).setParameter(2, movement).setParameter(3, participant).setParameter(4, form)
                .executeUpdate());
        return id;
    }

    /** A nomination the council has approved (two members, both for it). */
    private UUID approved(UUID movement, UUID participant, String form) {
        UUID id = submitted(movement, participant, form);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE nomination SET status = 'COUNCIL_APPROVED', appraised_by = 'can.bo.tham.dinh',
                  council_members = 'hoi.dong.1,hoi.dong.2', quorum = 2 WHERE id = ?1""")
                .setParameter(1, id).executeUpdate());
        vote(id, "hoi.dong.1", "YES");
        vote(id, "hoi.dong.2", "YES");
        return id;
    }

    private void setAnnouncementDays(String form, Integer days) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE award_form SET announcement_days = CAST(?1 AS integer) WHERE code = ?2")
                .setParameter(1, days).setParameter(2, form).executeUpdate());
    }

    private void vote(UUID nomination, String member, String vote) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO council_vote (nomination_id, member, vote, voted_at) VALUES (?1, ?2, ?3, now())""")
                .setParameter(1, nomination).setParameter(2, member).setParameter(3, vote).executeUpdate());
    }

    private static ValidatableResponse step(UUID nomination, String step, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/emulation/nominations/" + nomination + "/" + step).then();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
