package vn.vnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.vnn.household.areas.AreaType;
import vn.vnn.household.imports.ImportColumn;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.household.demo.SyntheticHouseholds;
import vn.vnn.localstack.LocalStack;
import vn.vnn.localstack.ProcessMemory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * household-service at scale, on a fresh local stack (real PostgreSQL, Kafka, Keycloak and the packaged service):
 * <ol>
 * <li>bulk import of N synthetic households through the API (upload → job completed), against a raw PostgreSQL
 * {@code COPY} of the very same file into a table of the same columns, in the same database;</li>
 * <li>the province report ({@code GET /api/v1/statistics/poverty}) over M synthetic households, against a plain
 * {@code GROUP BY} of the same households by commune and status.</li>
 * </ol>
 * Figures are printed; nothing is asserted.
 */
public final class HouseholdBench {

    private static final String PROVINCE = "98";
    private static final int COMMUNES = 100;
    private static final int YEAR = 2026;

    private final StackClient client;
    private final String service;

    private HouseholdBench(StackClient client) {
        this.client = client;
        this.service = client.service("household-service");
    }

    public static void main(String[] args) throws Exception {
        StackClient.runAlone(HouseholdBench::run, args);
    }

    /** The import and the report benchmarks on a running stack. */
    static void run(StackClient client, String[] args) throws Exception {
        int importHouseholds = StackClient.option(args, "--households", 100_000);
        int reportHouseholds = StackClient.option(args, "--report-households", 1_000_000);
        int runs = StackClient.option(args, "--runs", 20);
        HouseholdBench bench = new HouseholdBench(client);
        List<SyntheticHouseholds.Commune> communes = bench.createProvince();
        if (importHouseholds > 0) {
            bench.importAgainstCopy(communes, importHouseholds);
        }
        if (reportHouseholds > 0) {
            bench.reportAgainstGroupBy(communes, reportHouseholds, runs);
        }
        NationalBench.run(client, args);
    }

    /** A synthetic province 98 with 100 communes (the two-tier tree after 1 July 2025), 10 of them mostly minority. */
    private List<SyntheticHouseholds.Commune> createProvince() throws Exception {
        StringBuilder csv = new StringBuilder("code,name,level,parentCode,type,validFrom,validTo,successorCodes\n");
        csv.append(PROVINCE).append(",Tỉnh Đo Hiệu Năng (bench),PROVINCE,,RURAL,2025-07-01,,\n");
        List<SyntheticHouseholds.Commune> communes = new ArrayList<>();
        for (int i = 1; i <= COMMUNES; i++) {
            String code = PROVINCE + String.format("%03d", i);
            AreaType type = i % 5 == 0 ? AreaType.URBAN : AreaType.RURAL;
            csv.append(code).append(",Xã số ").append(i).append(" (bench),COMMUNE,").append(PROVINCE).append(',')
                    .append(type).append(",2025-07-01,,\n");
            communes.add(new SyntheticHouseholds.Commune(code, type, List.of(), i % 10 == 3 ? 0.85 : 0.04));
        }
        HttpResponse<String> response = StackClient.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/areas/import"))
                .header("Authorization", "Bearer " + client.token("admin")).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build());
        StackClient.check(response, 200);
        return communes;
    }

    private void importAgainstCopy(List<SyntheticHouseholds.Commune> communes, int households) throws Exception {
        System.out.printf(Locale.ROOT, "%n== Bulk import: %,d synthetic households ==%n", households);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
            new SyntheticHouseholds(1, communes, YEAR, "B-").writeImportCsv(households, out);
        }
        byte[] csv = file.toByteArray();
        long rows = countLines(csv) - 1;
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(csv);
        }
        System.out.printf(Locale.ROOT, "file: %,d member rows, %.1f MB (%.1f MB gzip-encoded on the wire)%n", rows,
                csv.length / 1e6, gzipped.size() / 1e6);

        long start = System.nanoTime();
        HttpResponse<String> accepted = StackClient.send(HttpRequest.newBuilder(URI.create(service
                        + "/api/v1/household-imports?fileName=bench.csv"))
                .header("Authorization", "Bearer " + client.token("admin")).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Encoding", "gzip").header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build());
        StackClient.check(accepted, 202);
        long uploaded = System.nanoTime();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        int lastPercent = -1;
        while (true) {
            Thread.sleep(500);
            job = StackClient.JSON.readTree(StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", "Bearer " + client.token("admin")).GET().build()), 200).body());
            int percent = job.path("progressPercent").asInt();
            if (percent / 25 != lastPercent / 25) {
                System.out.printf(Locale.ROOT, "  %3d%% after %.1f s%n", percent, seconds(start));
                lastPercent = percent;
            }
            String status = job.path("status").asText();
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                break;
            }
        }
        double importSeconds = seconds(start);
        if (!job.path("status").asText().equals("COMPLETED")) {
            throw new IllegalStateException("import failed: " + job);
        }
        System.out.printf(Locale.ROOT, "import through the API: %.1f s (upload %.1f s) -> %,.0f households/s, %,.0f "
                        + "rows/s; created %d, unchanged %d, rejected %d%n", importSeconds,
                (uploaded - start) / 1e9, job.path("householdsCreated").asLong() / importSeconds, rows / importSeconds,
                job.path("householdsCreated").asLong(), job.path("householdsUnchanged").asLong(),
                job.path("householdsRejected").asLong());

        double copySeconds;
        try (Connection db = client.database("household")) {
            try (Statement statement = db.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_import_copy");
                statement.execute("CREATE TABLE bench_import_copy (" + String.join(", ",
                        ImportColumn.headers().stream().map(c -> c + " text").toList()) + ")");
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            long copyStart = System.nanoTime();
            long copied = copy.copyIn("COPY bench_import_copy FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new ByteArrayInputStream(csv));
            copySeconds = seconds(copyStart);
            System.out.printf(Locale.ROOT, "raw COPY of the same file: %.2f s -> %,.0f rows/s (%,d rows)%n",
                    copySeconds, copied / copySeconds, copied);
            try (Statement statement = db.createStatement()) {
                statement.execute("DROP TABLE bench_import_copy"); // the service's migrations grant on all tables
            }
        }
        System.out.printf(Locale.ROOT, "ratio: the import takes %.1fx the time of a raw COPY (it validates every "
                + "cell, checks citizen IDs and scope, writes households, members and audit rows)%n",
                importSeconds / copySeconds);
        Summary.record("household import through the API (households/s)", households / importSeconds, ">= 10000");
        Summary.record("household import vs raw COPY (x the time)", importSeconds / copySeconds, "<= 5");
    }

    private void reportAgainstGroupBy(List<SyntheticHouseholds.Commune> communes, int households, int runs)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== Province report over %,d more synthetic households ==%n", households);
        long start = System.nanoTime();
        try (Connection db = client.database("household")) {
            loadReportHouseholds(db, communes, households);
            try (Statement statement = db.createStatement()) {
                statement.execute("ANALYZE household");
                statement.execute("ANALYZE status_recognition");
            }
            System.out.printf(Locale.ROOT, "loaded by COPY in %.1f s; the province now has %,d households%n",
                    seconds(start), count(db, "SELECT count(*) FROM household WHERE province_code = '" + PROVINCE + "'"));
            // Loaded behind the service's back: its tallies are counted afresh, as an operator would after a load.
            long rebuildStart = System.nanoTime();
            JsonNode rebuilt = StackClient.JSON.readTree(StackClient.check(StackClient.send(HttpRequest.newBuilder(
                            URI.create(service + "/api/v1/statistics/tallies/rebuild?areaCode=" + PROVINCE))
                    .header("Authorization", "Bearer " + client.token("admin")).timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()), 200).body());
            System.out.printf(Locale.ROOT, "tallies of the province counted afresh in %.1f s: %,d rows for %d years%n",
                    seconds(rebuildStart), rebuilt.path("rows").asLong(), rebuilt.path("years").size());
            awaitTrustedTallies();
            Percentiles plain = new Percentiles();
            for (int i = 0; i < runs + 3; i++) {
                long t = System.nanoTime();
                try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                        "SELECT commune_code, status, count(*) FROM household WHERE province_code = '" + PROVINCE
                                + "' GROUP BY commune_code, status")) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
                if (i >= 3) {
                    plain.add(System.nanoTime() - t);
                }
            }
            System.out.println("  plain GROUP BY commune, status (JDBC):   " + plain);
            for (int year : new int[] {YEAR, YEAR - 1}) {
                String url = service + "/api/v1/statistics/poverty?areaCode=" + PROVINCE + "&year=" + year;
                Percentiles api = new Percentiles();
                String body = null;
                String token = client.token("admin");
                int warmUps = 10;
                for (int i = 0; i < runs + warmUps; i++) {
                    long t = System.nanoTime();
                    body = StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofMinutes(2)).GET().build()), 200).body();
                    if (i >= warmUps) {
                        api.add(System.nanoTime() - t);
                    }
                }
                JsonNode figures = StackClient.JSON.readTree(body);
                System.out.printf(Locale.ROOT, "year %d: %,d households, %,d poor (%s%%), %,d near-poor, %,d escaped, "
                                + "%,d newly poor, %,d re-poor, %d communes, balanced %s%n", year,
                        figures.path("residentHouseholds").asLong(), figures.path("poor").asLong(),
                        figures.path("povertyRatePercent").asText(), figures.path("nearPoor").asLong(),
                        figures.path("escaped").asLong(), figures.path("newlyPoor").asLong(),
                        figures.path("rePoor").asLong(), figures.path("children").size(),
                        figures.path("dynamics").path("balanced").asText());
                System.out.println("  report API (province + 100 communes, HTTP): " + api);
                System.out.printf(Locale.ROOT, "  -> p95 %.1f ms (goal < 50 ms); %.1fx faster than the plain GROUP BY "
                        + "at p95 (goal >= 10x)%n", api.p(95), plain.p(95) / api.p(95));
                Summary.record("report " + (year == YEAR ? "current" : "past") + " year p95 (ms)", api.p(95), "< 50");
                Summary.record("report " + (year == YEAR ? "current" : "past") + " year vs GROUP BY (x faster)",
                        plain.p(95) / api.p(95), ">= 10");
            }
        }
        System.out.printf(Locale.ROOT, "  household-service heap in use: %d MB%n", serviceHeapMegabytes());
    }

    /** Waits until the current and the previous year are read from tallies (the service builds them after its start). */
    private void awaitTrustedTallies() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode years = StackClient.JSON.readTree(StackClient.check(StackClient.send(HttpRequest.newBuilder(
                            URI.create(service + "/api/v1/statistics/tallies"))
                    .header("Authorization", "Bearer " + client.token("admin")).GET().build()), 200).body());
            boolean trusted = true;
            for (JsonNode year : years) {
                if (year.path("year").asInt() >= YEAR - 1 && !year.path("trusted").asBoolean()) {
                    trusted = false;
                }
            }
            if (trusted) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tallies were not built: " + years);
            }
            Thread.sleep(1_000);
        }
    }

    /** Households straight into the service's tables by COPY, with their recognitions for this and last year. */
    private static void loadReportHouseholds(Connection db, List<SyntheticHouseholds.Commune> communes,
                                             int households) throws Exception {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        SyntheticHouseholds generator = new SyntheticHouseholds(2, communes, YEAR, "R-");
        int batch = 100_000;
        for (int done = 0; done < households; done += batch) {
            StringBuilder rows = new StringBuilder();
            StringBuilder recognitions = new StringBuilder();
            for (int i = 0; i < Math.min(batch, households - done); i++) {
                SyntheticHouseholds.Synthetic h = generator.next();
                UUID id = UUID.randomUUID();
                PovertyStatus status = h.status() != null ? h.status() : h.previousStatus() != null
                        ? PovertyStatus.NOT_POOR : null;
                String causes = String.join(",", h.causes().stream().map(Enum::name).toList());
                rows.append(id).append('\t').append("HH-").append(h.ref()).append('\t')
                        .append(h.members().get(0).fullName()).append('\t').append(h.commune().code()).append('\t')
                        .append(PROVINCE).append('\t').append(h.commune().areaType()).append('\t')
                        .append(h.members().size()).append('\t').append(status == null ? "\\N" : status.name())
                        .append('\t').append(status == null ? "\\N" : Integer.toString(YEAR)).append('\t')
                        .append(status == null ? "\\N" : transition(status, h.previousStatus())).append('\t')
                        .append(h.previousStatus() == PovertyStatus.POOR || status == PovertyStatus.POOR).append('\t')
                        .append(h.ethnicMinority()).append('\t').append(causes.isEmpty() ? "\\N" : causes)
                        .append('\t').append(h.ref()).append("\tbench\t2026-01-15 08:00:00+07\t2026-01-15 08:00:00+07\n");
                if (h.previousStatus() != null) {
                    recognitions.append(recognition(id, YEAR - 1, h.previousStatus(), null));
                }
                if (status != null) {
                    recognitions.append(recognition(id, YEAR, status, h.previousStatus()));
                }
            }
            copy.copyIn("COPY household (id, code, head_name, commune_code, province_code, area_type, member_count,"
                    + " status, status_year, status_transition, ever_poor, ethnic_minority, causes_of_poverty, household_ref, created_by,"
                    + " created_at, updated_at) FROM STDIN", new ByteArrayInputStream(
                    rows.toString().getBytes(StandardCharsets.UTF_8)));
            copy.copyIn("COPY status_recognition (id, household_id, review_year, status, previous_status, transition,"
                    + " standard, recognized_on, recorded_by, recorded_at) FROM STDIN", new ByteArrayInputStream(
                    recognitions.toString().getBytes(StandardCharsets.UTF_8)));
        }
        // each household resident since before the records in its commune's version in force, as registering does
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO household_residence (id, household_id, stay, commune_code, unit_valid_from,
                        province_code, village_code, reason, recorded_by, recorded_at)
                    SELECT gen_random_uuid(), h.id, 1, h.commune_code,
                           (SELECT max(u.valid_from) FROM admin_unit u WHERE u.code = h.commune_code),
                           h.province_code, h.village_code, 'REGISTERED', 'bench', now()
                    FROM household h
                    WHERE h.created_by = 'bench'
                      AND NOT EXISTS (SELECT 1 FROM household_residence r WHERE r.household_id = h.id)""");
            statement.execute("ANALYZE household_residence");
        }
    }

    static String recognition(UUID household, int year, PovertyStatus status, PovertyStatus previous) {
        return UUID.randomUUID() + "\t" + household + "\t" + year + "\t" + status + "\t"
                + (previous == null ? "\\N" : previous.name()) + "\t" + transition(status, previous)
                + "\tVN-MPS-2022\t" + year + "-12-10\tbench\t" + year + "-12-10 10:00:00+07\n";
    }

    static String transition(PovertyStatus status, PovertyStatus previous) {
        return previous == null ? (status == PovertyStatus.POOR ? "NEWLY_POOR" : "FIRST")
                : previous == status ? "UNCHANGED"
                : previous == PovertyStatus.POOR ? "ESCAPED_POVERTY"
                : status == PovertyStatus.POOR ? "RE_POOR"
                : previous == PovertyStatus.NEAR_POOR ? "ESCAPED_NEAR_POVERTY" : "FELL_TO_NEAR_POOR";
    }

    private long serviceHeapMegabytes() throws Exception {
        String metrics = StackClient.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics")).GET().build()).body();
        double bytes = metrics.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{")
                        && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        return Math.round(bytes / 1e6);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countLines(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
