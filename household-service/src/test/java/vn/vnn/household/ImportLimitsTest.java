package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.imports.ImportColumn;
import vn.vnn.household.areas.AreaService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Uploads cannot exhaust the service: bodies go to a temporary file as they arrive, a gzip body is limited by its
 * inflated size, and a workbook that inflates to gigabytes is refused before it is read.
 */
@QuarkusTest
class ImportLimitsTest {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AreaService areas;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aWorkbookThatInflatesToGigabytesIsRefusedAndTheServiceKeepsServing() throws IOException {
        byte[] bomb = xlsxBomb(3L << 30);
        assertThat(bomb.length).isLessThan(8 << 20);
        long oldBefore = oldGenerationPeakReset();

        given().contentType(XLSX).header("Idempotency-Key", "bomb-" + UUID.randomUUID()).body(bomb)
                .post("/api/v1/household-imports").then().statusCode(422)
                .body("errors[0].field", equalTo("file")).body("errors[0].message", containsString("inflates"));

        assertThat(oldGenerationPeak() - oldBefore).as("old generation growth").isLessThan(256L << 20);
        given().get("/api/v1/household-imports/template.csv").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aGzipBodyIsLimitedByWhatItInflatesTo() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzip)) {
            out.write((String.join(",", ImportColumn.headers()) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) '\n');
            for (int i = 0; i < 101; i++) {
                out.write(blank);
            }
        }
        assertThat(gzip.size()).isLessThan(1 << 20);
        given().contentType(CSV).header("Content-Encoding", "gzip")
                .header("Idempotency-Key", "gz-" + UUID.randomUUID()).body(gzip.toByteArray())
                .post("/api/v1/household-imports").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aHundredMegabyteCsvIsStreamedToDiskAndImported() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(ImportApiTest.row(run + "-" + i, "99111", "Hộ Lớn " + i, "HEAD", "", "1970-01-01", "MALE"));
        }
        Path file = Files.createTempFile("big-", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(ImportApiTest.csv(rows).getBytes(StandardCharsets.UTF_8));
                // Blank lines (skipped by the reader) bring the file to 100 MB, the documented limit.
                byte[] blank = new byte[1 << 20];
                java.util.Arrays.fill(blank, (byte) '\n');
                for (int i = 0; i < 99; i++) {
                    out.write(blank);
                }
            }
            assertThat(Files.size(file)).isBetween(99L << 20, 100L << 20);
            long oldBefore = oldGenerationPeakReset();
            String location;
            try (InputStream body = Files.newInputStream(file)) {
                location = given().contentType(CSV).header("Idempotency-Key", "big-" + run).body(body)
                        .post("/api/v1/household-imports").then().statusCode(202).extract().header("Location");
            }
            // Held as one array, the body alone would have grown the old generation by 100 MB.
            assertThat(oldGenerationPeak() - oldBefore).as("old generation growth").isLessThan(64L << 20);
            Map<String, Object> job = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get(location).then().statusCode(200).extract()
                            .<Map<String, Object>>path(""), j -> "COMPLETED".equals(j.get("status")));
            assertThat(job).containsEntry("householdsCreated", 50).containsEntry("householdsRejected", 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void cellsWithControlCharactersFailTheJobWithTheirPlaceNotTheirValue() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        rows.add(ImportApiTest.row(run + "-1", "99111", "Tên\u0000Lạ", "HEAD", "", "1970-01-01", "MALE"));
        String location = given().contentType(CSV).header("Idempotency-Key", "nul-" + run)
                .body(ImportApiTest.csv(rows)).post("/api/v1/household-imports").then().statusCode(202)
                .extract().header("Location");
        Map<String, Object> job = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get(location).then().statusCode(200).extract().<Map<String, Object>>path(""),
                        j -> "FAILED".equals(j.get("status")));
        assertThat((String) job.get("failure")).contains("row 2").contains("control characters")
                .doesNotContain("Lạ");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aFileUnreadableHalfwayKeepsTheChunksStoredBeforeAndSaysWhere() {
        // Chunks of three households (the tests' setting) are stored while the file is still being read: the two
        // full chunks before the bad cell stay, the households of the chunk it broke off are not stored.
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            rows.add(ImportApiTest.row(run + "-" + i, "99111", "Người Thứ " + i, "HEAD", "", "1970-01-01", "MALE"));
        }
        rows.add(ImportApiTest.row(run + "-9", "99111", "Tên\u0007Lạ", "HEAD", "", "1970-01-01", "MALE"));
        String location = given().contentType(CSV).header("Idempotency-Key", "halfway-" + run)
                .body(ImportApiTest.csv(rows)).post("/api/v1/household-imports").then().statusCode(202)
                .extract().header("Location");
        Map<String, Object> job = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get(location).then().statusCode(200).extract().<Map<String, Object>>path(""),
                        j -> "FAILED".equals(j.get("status")));
        assertThat((String) job.get("failure")).contains("row 10").contains("control characters");
        assertThat(job.get("householdsCreated")).isEqualTo(6);
        assertThat(job.get("rowsDone")).isEqualTo(6);
    }

    /** A real workbook whose sheet is padded with whitespace that inflates to {@code inflated} bytes. */
    private static byte[] xlsxBomb(long inflated) throws IOException {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Hộ").createRow(0).createCell(0).setCellValue("household_ref");
            workbook.write(template);
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(template.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.setLevel(9);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData>");
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (long written = 0; written < inflated; written += spaces.length) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bomb.toByteArray();
    }

    private static long oldGenerationPeakReset() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : oldPools()) {
            pool.resetPeakUsage();
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : oldPools()) {
            peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    private static List<MemoryPoolMXBean> oldPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .toList();
    }
}
