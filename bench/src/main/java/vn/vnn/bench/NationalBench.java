package vn.vnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.vnn.household.standards.PovertyStatus;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The report benchmark at the scale of the country: 63 provinces with their districts and about 9,900 communes until
 * 30 June 2025, merged into 34 provinces and 3,300 communes from 1 July 2025 (each new commune formed from three old
 * ones of the same new province), and N households (5 million at full size) resident since before 2022, each with
 * its residence history across the reorganisation (the old commune until 30 June 2025, then the new one, as the
 * registry's successor moves record it) and its recognitions of every year since 2022. Loaded by COPY behind the
 * service's back; its tallies are then counted afresh through the admin endpoint, as an operator would after a load.
 *
 * <p>Prints, next to a plain {@code GROUP BY} over the same households in the same run: the report of one province
 * this year, of one pre-reform province for a past year (on that year's tree), and of the whole country
 * ({@code areaCode=VN}, with its 34 provinces).
 */
final class NationalBench {

    private static final int NEW_PROVINCES = 34;
    private static final int OLD_PROVINCES = 63;
    private static final int NEW_COMMUNES = 3_300;
    private static final int OLD_PER_NEW = 3;
    private static final int DISTRICTS_PER_OLD_PROVINCE = 8;
    private static final String OLD_FROM = "2000-01-01";
    private static final String OLD_TO = "2025-06-30";
    private static final String NEW_FROM = "2025-07-01";
    private static final int FIRST_YEAR = 2022;
    private static final int YEAR = 2026;
    private static final int PAST_YEAR = 2023;

    private final StackClient client;
    private final String service;

    private NationalBench(StackClient client) {
        this.client = client;
        this.service = client.service("household-service");
    }

    static void run(StackClient client, String[] args) throws Exception {
        int households = StackClient.option(args, "--national-households", 5_000_000);
        int runs = StackClient.option(args, "--runs", 20);
        if (households > 0) {
            new NationalBench(client).run(households, runs);
        }
    }

    private static String newProvince(int p) {
        return String.format(Locale.ROOT, "NP%02d", p + 1);
    }

    private static String oldProvince(int o) {
        return String.format(Locale.ROOT, "OP%02d", o + 1);
    }

    /** The new province an old one was merged into (63 into 34: most two into one, a few kept whole). */
    private static int newProvinceOf(int oldProvince) {
        return oldProvince * NEW_PROVINCES / OLD_PROVINCES;
    }

    private static String newCommune(int c) {
        return String.format(Locale.ROOT, "NC%04d", c + 1);
    }

    /** A new commune's province: communes are dealt to the 34 provinces in turn. */
    private static int provinceOfCommune(int c) {
        return c % NEW_PROVINCES;
    }

    private static String oldCommune(int c, int k) {
        return String.format(Locale.ROOT, "OC%04d-%d", c + 1, k);
    }

    /** The old province of the k-th old commune of new commune c: one of those merged into c's new province. */
    private static int oldProvinceOf(int c, int k) {
        int p = provinceOfCommune(c);
        List<Integer> olds = new ArrayList<>();
        for (int o = 0; o < OLD_PROVINCES; o++) {
            if (newProvinceOf(o) == p) {
                olds.add(o);
            }
        }
        return olds.get((c / NEW_PROVINCES + k) % olds.size());
    }

    private static String district(int oldProvince, int d) {
        return String.format(Locale.ROOT, "OD%02d-%d", oldProvince + 1, d + 1);
    }

    private void run(int households, int runs) throws Exception {
        System.out.printf(Locale.ROOT, "%n== National report: %d → %d provinces, %,d → %,d communes, %,d households "
                        + "since %d ==%n", OLD_PROVINCES, NEW_PROVINCES, NEW_COMMUNES * OLD_PER_NEW, NEW_COMMUNES,
                households, FIRST_YEAR);
        long start = System.nanoTime();
        importUnits();
        System.out.printf(Locale.ROOT, "units imported through the API in %.1f s%n", seconds(start));
        try (Connection db = client.database("household")) {
            long loadStart = System.nanoTime();
            load(db, households);
            try (Statement statement = db.createStatement()) {
                statement.execute("ANALYZE household");
                statement.execute("ANALYZE household_residence");
                statement.execute("ANALYZE status_recognition");
            }
            System.out.printf(Locale.ROOT, "loaded by COPY in %.1f s%n", seconds(loadStart));
            long rebuildStart = System.nanoTime();
            long rows = 0;
            for (int p = 0; p < NEW_PROVINCES; p++) {
                JsonNode rebuilt = StackClient.JSON.readTree(StackClient.check(StackClient.send(HttpRequest.newBuilder(
                                URI.create(service + "/api/v1/statistics/tallies/rebuild?areaCode=" + newProvince(p)))
                        .header("Authorization", "Bearer " + client.token("admin")).timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.noBody()).build()), 200).body());
                rows += rebuilt.path("rows").asLong();
            }
            System.out.printf(Locale.ROOT, "tallies of the 34 provinces (and the 63 before them) counted afresh in "
                    + "%.1f s: %,d rows%n", seconds(rebuildStart), rows);

            String province = newProvince(0);
            Percentiles plainProvince = plain(db, runs, "SELECT commune_code, status, count(*) FROM household"
                    + " WHERE province_code = '" + province + "' GROUP BY commune_code, status");
            Percentiles apiProvince = report(List.of(province), YEAR, runs, true);
            print("province " + province + ", " + YEAR, apiProvince, plainProvince);
            Summary.record("national: province report p95 (ms)", apiProvince.p(95), "< 50");
            Summary.record("national: province report vs GROUP BY (x faster)",
                    plainProvince.p(95) / apiProvince.p(95), ">= 10");

            String old = oldProvince(0);
            Percentiles plainPast = plain(db, runs, "SELECT r.commune_code, h.status, count(*) FROM household_residence r"
                    + " JOIN household h ON h.id = r.household_id WHERE r.province_code = '" + old
                    + "' AND r.valid_to = DATE '" + OLD_TO + "' GROUP BY r.commune_code, h.status");
            Percentiles apiPast = report(List.of(old), PAST_YEAR, runs, true);
            print("pre-reform province " + old + ", " + PAST_YEAR, apiPast, plainPast);
            Summary.record("national: past-year province report p95 (ms)", apiPast.p(95), "< 50");
            Summary.record("national: past-year report vs GROUP BY (x faster)", plainPast.p(95) / apiPast.p(95),
                    ">= 10");

            Percentiles plainCountry = plain(db, runs,
                    "SELECT province_code, status, count(*) FROM household GROUP BY province_code, status");
            Percentiles apiCountry = report(List.of("VN"), YEAR, runs, true);
            print("whole country (VN with its 34 provinces), " + YEAR, apiCountry, plainCountry);
            Summary.record("national: whole country p95 (ms)", apiCountry.p(95), "< 50");
            Summary.record("national: whole country vs GROUP BY (x faster)", plainCountry.p(95) / apiCountry.p(95),
                    ">= 10");
        }
    }

    /** The unit lists of both trees, with each old unit's successor, through the service's import. */
    private void importUnits() throws Exception {
        StringBuilder csv = new StringBuilder("code,name,level,parentCode,type,validFrom,validTo,successorCodes\n");
        for (int o = 0; o < OLD_PROVINCES; o++) {
            csv.append(oldProvince(o)).append(",Tỉnh cũ ").append(o + 1).append(" (bench),PROVINCE,,RURAL,")
                    .append(OLD_FROM).append(',').append(OLD_TO).append(',').append(newProvince(newProvinceOf(o)))
                    .append('\n');
            for (int d = 0; d < DISTRICTS_PER_OLD_PROVINCE; d++) {
                csv.append(district(o, d)).append(",Huyện ").append(d + 1).append(" (bench),DISTRICT,")
                        .append(oldProvince(o)).append(",RURAL,").append(OLD_FROM).append(',').append(OLD_TO)
                        .append(",\n");
            }
        }
        for (int p = 0; p < NEW_PROVINCES; p++) {
            csv.append(newProvince(p)).append(",Tỉnh mới ").append(p + 1).append(" (bench),PROVINCE,,RURAL,")
                    .append(NEW_FROM).append(",,\n");
        }
        for (int c = 0; c < NEW_COMMUNES; c++) {
            String type = c % 5 == 0 ? "URBAN" : "RURAL";
            csv.append(newCommune(c)).append(",Xã mới ").append(c + 1).append(" (bench),COMMUNE,")
                    .append(newProvince(provinceOfCommune(c))).append(',').append(type).append(',').append(NEW_FROM)
                    .append(",,\n");
            for (int k = 0; k < OLD_PER_NEW; k++) {
                int o = oldProvinceOf(c, k);
                csv.append(oldCommune(c, k)).append(",Xã cũ ").append(c + 1).append('-').append(k).append(" (bench),")
                        .append("COMMUNE,").append(district(o, (c + k) % DISTRICTS_PER_OLD_PROVINCE)).append(',')
                        .append(type).append(',').append(OLD_FROM).append(',').append(OLD_TO).append(',')
                        .append(newCommune(c)).append('\n');
            }
        }
        StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/areas/import"))
                .header("Authorization", "Bearer " + client.token("admin"))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build()), 200);
    }

    /**
     * Households with their two residence periods and their recognitions: a yearly review from 2022 to 2025 (the
     * status of each year drawn from the one before: most stay, some escape, some fall back), recorded only where
     * the household is poor or near-poor or its status changed.
     */
    private static void load(Connection db, int households) throws Exception {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(34);
        int batch = 100_000;
        for (int done = 0; done < households; done += batch) {
            StringBuilder rows = new StringBuilder();
            StringBuilder residences = new StringBuilder();
            StringBuilder recognitions = new StringBuilder();
            for (int i = done; i < Math.min(done + batch, households); i++) {
                int c = random.nextInt(NEW_COMMUNES);
                int k = random.nextInt(OLD_PER_NEW);
                int oldProvince = oldProvinceOf(c, k);
                boolean minority = c % 10 == 3 ? random.nextInt(100) < 85 : random.nextInt(100) < 4;
                UUID id = UUID.randomUUID();
                PovertyStatus previous = null;
                PovertyStatus status = null;
                int statusYear = 0;
                boolean everPoor = false;
                String transition = null;
                for (int year = FIRST_YEAR; year < YEAR; year++) {
                    PovertyStatus drawn = next(previous, minority, random);
                    if (drawn != PovertyStatus.NOT_POOR || (previous != null && previous != drawn)) {
                        recognitions.append(recognition(id, year, drawn, previous));
                        transition = transition(drawn, previous);
                        status = drawn;
                        statusYear = year;
                        everPoor |= drawn == PovertyStatus.POOR;
                        previous = drawn;
                    }
                }
                String ref = "N" + i;
                String province = newProvince(provinceOfCommune(c));
                rows.append(id).append('\t').append("HH-").append(ref).append("\tChủ hộ ").append(i).append('\t')
                        .append(newCommune(c)).append('\t').append(province).append('\t')
                        .append(c % 5 == 0 ? "URBAN" : "RURAL").append('\t').append(1 + random.nextInt(6)).append('\t')
                        .append(status == null ? "\\N" : status.name()).append('\t')
                        .append(status == null ? "\\N" : Integer.toString(statusYear)).append('\t')
                        .append(transition == null ? "\\N" : transition).append('\t').append(everPoor).append('\t')
                        .append(minority).append('\t').append(status == PovertyStatus.POOR ? "LACK_OF_LAND" : "\\N")
                        .append('\t').append(ref).append("\tbench\t2026-01-15 08:00:00+07\t2026-01-15 08:00:00+07\n");
                residences.append(UUID.randomUUID()).append('\t').append(id).append("\t1\t").append(oldCommune(c, k))
                        .append('\t').append(OLD_FROM).append('\t').append(oldProvince(oldProvince))
                        .append("\t\\N\t\\N\t").append(OLD_TO).append("\tREGISTERED\tbench\t2022-01-01 08:00:00+07\n");
                residences.append(UUID.randomUUID()).append('\t').append(id).append("\t1\t").append(newCommune(c))
                        .append('\t').append(NEW_FROM).append('\t').append(province).append("\t\\N\t")
                        .append(NEW_FROM).append("\t\\N\tREORGANISED\tbench\t2025-07-01 08:00:00+07\n");
            }
            copy.copyIn("COPY household (id, code, head_name, commune_code, province_code, area_type, member_count,"
                    + " status, status_year, status_transition, ever_poor, ethnic_minority, causes_of_poverty,"
                    + " household_ref, created_by, created_at, updated_at) FROM STDIN", bytes(rows));
            copy.copyIn("COPY household_residence (id, household_id, stay, commune_code, unit_valid_from,"
                    + " province_code, village_code, valid_from, valid_to, reason, recorded_by, recorded_at) FROM STDIN",
                    bytes(residences));
            copy.copyIn("COPY status_recognition (id, household_id, review_year, status, previous_status, transition,"
                    + " standard, recognized_on, recorded_by, recorded_at) FROM STDIN", bytes(recognitions));
            System.out.printf(Locale.ROOT, "  %,d households loaded%n", Math.min(done + batch, households));
        }
    }

    /** A year's status from the one before: about 5 % poor and 6 % near-poor, more among minority households. */
    private static PovertyStatus next(PovertyStatus previous, boolean minority, SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (previous == null || previous == PovertyStatus.NOT_POOR) {
            int poor = minority ? 150 : 30;
            return roll < poor ? PovertyStatus.POOR : roll < poor + 50 ? PovertyStatus.NEAR_POOR
                    : PovertyStatus.NOT_POOR;
        }
        if (previous == PovertyStatus.POOR) {
            return roll < 700 ? PovertyStatus.POOR : roll < 880 ? PovertyStatus.NEAR_POOR : PovertyStatus.NOT_POOR;
        }
        return roll < 80 ? PovertyStatus.POOR : roll < 600 ? PovertyStatus.NEAR_POOR : PovertyStatus.NOT_POOR;
    }

    private static String recognition(UUID household, int year, PovertyStatus status, PovertyStatus previous) {
        return HouseholdBench.recognition(household, year, status, previous);
    }

    private static String transition(PovertyStatus status, PovertyStatus previous) {
        return HouseholdBench.transition(status, previous);
    }

    /** Reports of the areas, one after the other, timed together; warm-up calls first. */
    private Percentiles report(List<String> areas, int year, int runs, boolean children) throws Exception {
        String token = client.token("admin");
        Percentiles timed = new Percentiles();
        int warmUps = 5;
        JsonNode last = null;
        for (int i = 0; i < runs + warmUps; i++) {
            long t = System.nanoTime();
            for (String area : areas) {
                last = StackClient.JSON.readTree(StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(
                                service + "/api/v1/statistics/poverty?areaCode=" + area + "&year=" + year
                                        + "&children=" + children))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build()),
                        200).body());
            }
            if (i >= warmUps) {
                timed.add(System.nanoTime() - t);
            }
        }
        System.out.printf(Locale.ROOT, "  last of them: %,d households, %,d poor, %,d near-poor, %,d escaped, %,d newly"
                        + " poor, %,d re-poor, %d units below, balanced %s%n", last.path("residentHouseholds").asLong(),
                last.path("poor").asLong(), last.path("nearPoor").asLong(), last.path("escaped").asLong(),
                last.path("newlyPoor").asLong(), last.path("rePoor").asLong(), last.path("children").size(),
                last.path("dynamics").path("balanced").asText());
        return timed;
    }

    private static Percentiles plain(Connection db, int runs, String sql) throws Exception {
        Percentiles timed = new Percentiles();
        for (int i = 0; i < runs + 3; i++) {
            long t = System.nanoTime();
            try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getLong(3);
                }
            }
            if (i >= 3) {
                timed.add(System.nanoTime() - t);
            }
        }
        return timed;
    }

    private static void print(String what, Percentiles api, Percentiles plain) {
        System.out.println("  " + what + ": report API (HTTP) " + api);
        System.out.println("  " + what + ": plain GROUP BY (JDBC) " + plain);
        System.out.printf(Locale.ROOT, "  -> p95 %.1f ms; %.1fx faster than the plain GROUP BY at p95%n", api.p(95),
                plain.p(95) / api.p(95));
    }

    private static ByteArrayInputStream bytes(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
