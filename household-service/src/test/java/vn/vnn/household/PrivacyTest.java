package vn.vnn.household;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaService;
import vn.vnn.household.imports.ImportFileRetention;
import vn.vnn.localstack.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * "Who looked at or changed this household?" has an answer, for auditors with a stated purpose; uploaded files are
 * kept only as long as needed.
 */
@QuarkusTest
class PrivacyTest {

    private static final String OFFICER = TestTokens.of("officer.99111", List.of("commune-officer"),
            List.of("99111"));
    private static final String AUDITOR = TestTokens.of("thanh.tra", List.of("auditor"), List.of());

    @Inject
    AreaService areas;
    @Inject
    ImportFileRetention retention;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    void theAuditTrailSaysWhoChangedAndWhoReadAHouseholdsPersonalData() {
        String citizen = HouseholdServiceTest.citizenId(1984, "FEMALE");
        String id = HouseholdScopeTest.register(OFFICER, "99111", "Kha Thị Riêng", citizen);
        given().auth().oauth2(OFFICER).get("/api/v1/households/" + id).then().statusCode(200);
        Map<String, Object> update = HouseholdServiceTest.household("99111", null, null);
        update.remove("members");
        update.put("phone", "0977000111");
        update.put("version", 0);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(update).put("/api/v1/households/" + id)
                .then().statusCode(200);
        // A province officer reads it masked: nothing personal was read.
        given().auth().oauth2(TestTokens.of("officer.99", List.of("province-officer"), List.of("99")))
                .get("/api/v1/households/" + id).then().statusCode(200);

        given().auth().oauth2(AUDITOR).get("/api/v1/household-audit?entity=HOUSEHOLD&entityId=" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("purpose"));
        String purpose = "Đơn khiếu nại số 12/2026 của hộ gia đình";
        String trail = given().auth().oauth2(AUDITOR).queryParam("purpose", purpose)
                .get("/api/v1/household-audit?entity=HOUSEHOLD&size=100&entityId=" + id).then().statusCode(200)
                .body("items.action", hasItem("REGISTERED")).body("items.action", hasItem("UPDATED"))
                .body("items.action", hasItem("PERSONAL_DATA_READ"))
                .body("items.find { it.action == 'PERSONAL_DATA_READ' }.actor", equalTo("officer.99111"))
                .body("items.actor", not(hasItem("officer.99")))
                .body("items.find { it.action == 'UPDATED' }.before.phone", equalTo("09******78"))
                .body("items.find { it.action == 'UPDATED' }.after.phone", equalTo("09******11"))
                .extract().asString();
        assertThat(trail).doesNotContain(citizen).doesNotContain("0977000111").doesNotContain("0912345678");
        // Reading the trail is itself in the trail, with its purpose.
        given().auth().oauth2(AUDITOR).queryParam("purpose", "Kiểm tra việc đọc nhật ký")
                .get("/api/v1/household-audit?action=AUDIT_READ&actor=thanh.tra&size=100").then().statusCode(200)
                .body("items.detail", hasItem(org.hamcrest.Matchers.startsWith(purpose)));
        given().auth().oauth2(AUDITOR).queryParam("purpose", purpose)
                .get("/api/v1/household-audit?from=yesterday").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(OFFICER).queryParam("purpose", purpose).get("/api/v1/household-audit").then()
                .statusCode(403);
    }

    @Test
    void theServiceConnectsWithALeastPrivilegeRoleThatMayOnlyAppendToTheAuditTrail() {
        String role = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT current_user").getSingleResult());
        assertThat(role).isEqualTo("household_app");
        HouseholdScopeTest.register(OFFICER, "99111", "Đàm Văn Vết", null);
        for (String tampering : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log",
                "TRUNCATE audit_log", "DELETE FROM flyway_schema_history", "DROP TABLE household_member",
                "CREATE TABLE stray (id int)")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                            entityManager.createNativeQuery(tampering).executeUpdate()))
                    .as(tampering).satisfies(e -> assertThat(org.assertj.core.util.Throwables.getStackTrace(e))
                            .containsAnyOf("permission denied", "must be owner"));
        }
    }

    @Test
    void anUploadedFileIsDeletedAfterItsRetentionButTheJobItsReportAndItsHashStay() {
        String admin = TestTokens.of("admin", List.of("admin"), List.of());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = ImportApiTest.csv(List.of(
                ImportApiTest.row(run + "-1", "99111", "Lục Văn Lưu", "HEAD", "", "1970-01-01", "MALE"),
                ImportApiTest.row(run + "-2", "99111", "Lục Văn Lỗi", "HEAD", "", "31/02/1970", "MALE")));
        String location = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .header("Idempotency-Key", run).body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/household-imports").then().statusCode(202).extract().header("Location");
        String job = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(given().auth().oauth2(admin)
                .get(location).then().extract().path("status")));
        // Finished just now: within its retention, the file stays.
        retention.deleteFilesFinishedBefore(Duration.ofDays(30));
        given().auth().oauth2(admin).get(location).then().body("fileDeletedAt", org.hamcrest.Matchers.nullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT octet_length(content) FROM household_import WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, job).getSingleResult()).longValue())).isPositive();

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE household_import SET finished_at = now() - interval '31 days' WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, job).executeUpdate());
        assertThat(retention.deleteFilesFinishedBefore(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(admin).get(location).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("fileDeletedAt", notNullValue()).body("contentSha256", notNullValue())
                .body("householdsCreated", equalTo(1));
        given().auth().oauth2(admin).get(location + "/errors").then().statusCode(200).body("totalItems", equalTo(1));
        long bytes = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT octet_length(content) FROM household_import WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, job).getSingleResult()).longValue());
        assertThat(bytes).isZero();
    }
}
