package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.imports.ImportColumn;
import vn.vnn.household.areas.AreaService;
import vn.vnn.household.demo.DemoData;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Bulk import of households through the API (infrastructure: HouseholdServiceTest). */
@QuarkusTest
class ImportApiTest {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AreaService areas;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void goodHouseholdsLoadBadOnesAreReportedAndAReuploadChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String taken = HouseholdServiceTest.citizenId(1970, "MALE");
        given().contentType("application/json").body(HouseholdServiceTest.household("99111", "Đã Có", taken))
                .post("/api/v1/households").then().statusCode(201);

        List<List<String>> rows = new ArrayList<>();
        rows.add(row(run + "-1", "99111", "Nguyễn Văn Một", "HEAD", HouseholdServiceTest.citizenId(1975, "MALE"),
                "1975-02-01", "MALE"));
        rows.add(member(run + "-1", "Lê Thị Hai", "SPOUSE", HouseholdServiceTest.citizenId(1979, "FEMALE"),
                "1979-05-06", "FEMALE"));
        rows.add(row(run + "-2", "99111", "Phạm Văn Ba", "HEAD", "", "1960-01-01", "MALE"));
        rows.add(member(run + "-2", "Phạm Thị Bốn", "CHILD", "", "31/02/2001", "FEMALE")); // no 31 February
        rows.add(row(run + "-3", "99112", "Hà Văn Năm", "HEAD", "", "1980-01-01", "MALE")); // another commune
        rows.add(row(run + "-4", "99111", "Đinh Thị Sáu", "HEAD", "", "01/12/1990", "FEMALE"));
        rows.add(row(run + "-5", "99111", "Vũ Văn Bảy", "HEAD", taken, "1970-03-03", "MALE")); // ID in use
        rows.add(row(run + "-6", "99111", "Không Chủ Hộ", "CHILD", "", "2010-01-01", "MALE")); // no head
        rows.add(row(run + "-7", "99111", "Mai Văn Tám", "HEAD", "", "1985-01-01", "MALE"));
        rows.get(rows.size() - 1).set(ImportColumn.WATER_SOURCE.ordinal(), "RIVER"); // no such code
        String csv = csv(rows);

        String location = upload(csv, CSV, "k-" + run).statusCode(202)
                .body("status", equalTo("QUEUED")).extract().header("Location");
        assertThat(location).contains("/api/v1/household-imports/");
        Map<String, Object> job = completed(location);
        assertThat(job).containsEntry("rowsTotal", 9).containsEntry("rowsDone", 9)
                .containsEntry("householdsCreated", 2).containsEntry("householdsUnchanged", 0)
                .containsEntry("householdsRejected", 5).containsEntry("progressPercent", 100);

        // The report names rows and columns as the spreadsheet shows them (header = row 1), never the values.
        List<Map<String, Object>> errors = given().get(location + "/errors?size=100").then().statusCode(200)
                .extract().path("items");
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("column")).contains(
                "5:birth_date", "6:commune_code", "8:citizen_id", "9:relationship", "10:water_source");
        assertThat(errors.toString()).doesNotContain(taken).doesNotContain("Hà Văn Năm");
        given().get(location + "/errors.csv").then().statusCode(200)
                .body(startsWith("\uFEFFrow,column,message"));

        given().get("/api/v1/households?name=" + "Lê Thị Hai").then().statusCode(200)
                .body("items.headName", hasItem("Nguyễn Văn Một"));

        // The same key answers with the same job; a new key imports the file again and changes nothing.
        upload(csv, CSV, "k-" + run).statusCode(202).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(location));
        String again = upload(csv, CSV, "k2-" + run).statusCode(202).extract().header("Location");
        assertThat(completed(again)).containsEntry("householdsCreated", 0).containsEntry("householdsUnchanged", 2)
                .containsEntry("householdsRejected", 5);
        given().get("/api/v1/households?name=Nguyễn Văn Một").then().body("totalItems", equalTo(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void importedHouseholdsAreInTheTalliesAsAFullRecountFindsThem() {
        // Households written with COPY, chunk by chunk (three per chunk here), move the statistics' tallies in the
        // same transactions: counting the province afresh afterwards corrects nothing.
        given().post("/api/v1/statistics/tallies/rebuild?areaCode=99").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(row(run + "-t" + i, i % 2 == 0 ? "99112" : "99111", "Chủ Hộ Số " + i, "HEAD", "",
                    "1970-01-0" + i, i % 2 == 0 ? "FEMALE" : "MALE"));
            if (i % 3 == 0) {
                rows.add(member(run + "-t" + i, "Con Số " + i, "CHILD", "", "2010-02-0" + i, "MALE"));
            }
        }
        Map<String, Object> job = completed(upload(csv(rows), CSV, "t-" + run).statusCode(202).extract()
                .header("Location"));
        assertThat(job).containsEntry("householdsCreated", 7);
        given().post("/api/v1/statistics/tallies/rebuild?areaCode=99").then().statusCode(200)
                .body("rowsCorrected", equalTo(0));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void theXlsxTemplateImportsAsItIs() throws Exception {
        byte[] template = given().get("/api/v1/household-imports/template.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Hướng dẫn");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).startsWith("Mã hộ");
        }
        String location = upload(template, XLSX, "tpl-" + UUID.randomUUID()).statusCode(202).extract()
                .header("Location");
        Map<String, Object> job = completed(location);
        // The example's citizen IDs are fixed: the first upload in this database creates it, later ones find it.
        assertThat((int) job.get("householdsCreated") + (int) job.get("householdsUnchanged")).isEqualTo(1);
        assertThat(job).containsEntry("householdsRejected", 0).containsEntry("format", "XLSX");
        given().get("/api/v1/households?name=Trần Thị Hoà").then().body("items[0].memberCount", equalTo(2));

        String csvTemplate = given().get("/api/v1/household-imports/template.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csvTemplate).startsWith("\uFEFFhousehold_ref,commune_code").contains("Nguyễn Văn Bình");
    }

    @Inject
    DemoData demoData;
    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void theDemoHouseholdsAreSyntheticAllValidAndQueuedOnce() {
        demoData.queueDemoHouseholds();
        demoData.queueDemoHouseholds();
        await().atMost(Duration.ofSeconds(60)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM household_import WHERE status IN ('QUEUED', 'RUNNING')")
                        .getSingleResult()).longValue()) == 0);
        Object[] counts = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Object[])
                entityManager.createNativeQuery("""
                        SELECT count(*), count(DISTINCT commune_code), sum(member_count),
                               (SELECT count(*) FROM household_import WHERE file_name = 'demo-households.csv'),
                               (SELECT sum(households_rejected) FROM household_import
                                WHERE file_name = 'demo-households.csv')
                        FROM household WHERE household_ref LIKE 'DEMO-%'""").getSingleResult());
        assertThat(((Number) counts[0]).longValue()).isEqualTo(300);
        assertThat(((Number) counts[1]).longValue()).isEqualTo(3);
        assertThat(((Number) counts[2]).longValue()).isBetween(900L, 1300L);
        assertThat(((Number) counts[3]).longValue()).isEqualTo(1);
        assertThat(((Number) counts[4]).longValue()).isZero();
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void unreadableFilesAreRefusedAtOnce() {
        upload("", CSV, "e-" + UUID.randomUUID()).statusCode(422);
        upload("name,age\nA,1\n", CSV, "h-" + UUID.randomUUID()).statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("header"))
                .body("errors.field", hasItem("header.name"));
        upload("not a workbook".getBytes(StandardCharsets.UTF_8), XLSX, "x-" + UUID.randomUUID()).statusCode(422)
                .body("errors[0].field", equalTo("file"));
        given().contentType("application/pdf").header("Idempotency-Key", "p").body(new byte[] {1})
                .post("/api/v1/household-imports").then().statusCode(415);
        given().contentType("text/csv; charset=ISO-8859-1").header("Idempotency-Key", "l").body("x")
                .post("/api/v1/household-imports").then().statusCode(415);
        given().contentType(CSV).body("x").post("/api/v1/household-imports").then().statusCode(400);
        given().get("/api/v1/household-imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "service-account-partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void aPartnerImportsIntoItsGrantedProvinceButReadsNoHousehold() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = csv(List.of(row(run, "99211", "Lò Văn Chín", "HEAD", "", "1990-01-01", "MALE")));
        String location = upload(csv, CSV, run).statusCode(202).extract().header("Location");
        assertThat(completed(location)).containsEntry("householdsCreated", 1);
        given().get("/api/v1/household-imports").then().statusCode(200).body("items[0].submittedBy",
                equalTo("service-account-partner"));
        given().get("/api/v1/households").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-other", roles = "partner")
    void aPartnerWithoutGrantedAreasCannotImport() {
        upload(csv(List.of(row("x", "99211", "A", "HEAD", "", "1990-01-01", "MALE"))), CSV,
                UUID.randomUUID().toString()).statusCode(403);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    void otherRolesCannotImport() {
        upload("household_ref\n", CSV, "f").statusCode(403);
        given().get("/api/v1/household-imports/template.csv").then().statusCode(403);
    }

    static List<String> row(String ref, String commune, String name, String relationship, String citizenId,
                            String birthDate, String sex) {
        List<String> row = new ArrayList<>(List.of("", "", "", "Xóm Chùa", "0987654321", "có", "không", "2500000",
                "30", "BRICK", "CONCRETE", "TILE", "PIPED", "SEPTIC", "có", "SMARTPHONE", "LACK_OF_CAPITAL"));
        row.set(0, ref);
        row.set(1, commune);
        row.addAll(person(name, relationship, citizenId, birthDate, sex));
        return row;
    }

    static List<String> member(String ref, String name, String relationship, String citizenId, String birthDate,
                               String sex) {
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(17, ""));
        row.set(0, ref);
        row.addAll(person(name, relationship, citizenId, birthDate, sex));
        return row;
    }

    private static List<String> person(String name, String relationship, String citizenId, String birthDate,
                                       String sex) {
        return List.of(name, birthDate, sex, relationship, citizenId, "có", "FINISHED", "PRIMARY", "PRIMARY",
                "không", "FULL", "STABLE");
    }

    static String csv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", ImportColumn.headers())).append('\n');
        rows.forEach(row -> csv.append(String.join(",", row)).append('\n'));
        return csv.toString();
    }

    private static ValidatableResponse upload(String body, String type, String key) {
        return upload(body.getBytes(StandardCharsets.UTF_8), type, key);
    }

    private static ValidatableResponse upload(byte[] body, String type, String key) {
        return given().contentType(type).header("Idempotency-Key", key).body(body)
                .post("/api/v1/household-imports").then();
    }

    private static Map<String, Object> completed(String location) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().get(location).then().statusCode(200).extract().<Map<String, Object>>path(""),
                job -> "COMPLETED".equals(job.get("status")));
    }
}
