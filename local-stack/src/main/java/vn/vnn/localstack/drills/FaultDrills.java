package vn.vnn.localstack.drills;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vnn.localstack.LocalStack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Fault drills against a running local stack: a steady donation load through the gateway from retrying clients, a
 * fault injected under it, then the guarantees checked — every donation accepted exactly once, receipt numbers without
 * a gap, the emulation standings equal to the fund's totals — with the figures printed (requests, retries, answers by
 * status, recovery times). The full drills run from {@code bench/run.sh drills}; the end-to-end tests run a reduced
 * size of each.
 */
public final class FaultDrills {

    /** How hard and how long: donations a second, clients, how long each fault lasts, steady time around it. */
    public record Size(double perSecond, int clients, Duration kafkaDown, Duration databaseDown,
                       Duration keycloakDown, Duration steady, Duration serviceBackWithin) {

        /** What the end-to-end tests run: seconds per fault. */
        public static Size reduced() {
            return new Size(4, 2, Duration.ofSeconds(15), Duration.ofSeconds(8), Duration.ofSeconds(10),
                    Duration.ofSeconds(3), Duration.ofSeconds(30));
        }

        /** The drills as the issue sets them: Kafka away for a minute under a steady load. */
        public static Size full() {
            return new Size(20, 8, Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(30),
                    Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

    private static final List<String> SERVICES = List.of("fund-service", "emulation-service", "household-service",
            "gateway");

    private final LocalStack stack;
    private final Size size;
    private final DrillClient client;

    public FaultDrills(LocalStack stack, Size size) {
        this.stack = stack;
        this.size = size;
        this.client = new DrillClient(stack.gatewayUrl(), stack.realmUrl());
    }

    /** Every drill in turn. */
    public List<DrillReport> all() throws Exception {
        List<DrillReport> reports = new ArrayList<>();
        reports.add(killEachService());
        reports.add(kafkaDown());
        reports.add(databaseDown("fund"));
        reports.add(keycloakDown());
        return reports;
    }

    /** 1. {@code kill -9} of each service in turn under the load; each must be back within 30 s. */
    public DrillReport killEachService() throws Exception {
        DrillReport report = new DrillReport("kill -9 of each service under load");
        underLoad(report, client.login("admin"), load -> {
            for (String service : SERVICES) {
                int restarts = stack.restarts(service);
                long pid = stack.servicePid(service);
                long killed = System.nanoTime();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                double back = awaitReady(service, Duration.ofSeconds(120));
                load.awaitAcceptedAfter(System.nanoTime(), 120);
                double stood = load.longestGap(killed, System.nanoTime());
                report.say("%-18s killed (pid %d): ready again after %.1f s (restart #%d); donations stood still for "
                        + "%.1f s at most", service, pid, back, stack.restarts(service), stood);
                report.check(back <= size.serviceBackWithin().toSeconds(), "%s back after %.1f s (limit %d s)",
                        service, back, size.serviceBackWithin().toSeconds());
                report.check(stack.restarts(service) == restarts + 1, "%s restarted %d times, expected once",
                        service, stack.restarts(service) - restarts);
                pause(size.steady());
            }
        });
        return report;
    }

    /** 2. Kafka away under the load: the services stay ready (degraded), and the backlog drains after. */
    public DrillReport kafkaDown() throws Exception {
        DrillReport report = new DrillReport("Kafka down for " + size.kafkaDown().toSeconds() + " s under load");
        long[] back = new long[1];
        long consistentAt = underLoad(report, client.login("admin"), load -> {
            stack.stop("kafka");
            long stopped = System.nanoTime();
            int readyAnswers = 0;
            int checks = 0;
            boolean degradedSeen = false;
            while (System.nanoTime() - stopped < size.kafkaDown().toNanos()) {
                HttpResponse<String> ready = client.get(null, stack.serviceUrl("fund-service") + "/q/health/ready");
                checks++;
                readyAnswers += ready.statusCode() == 200 ? 1 : 0;
                degradedSeen |= ready.body().matches("(?s).*\"degraded\"\\s*:\\s*true.*");
                pause(Duration.ofSeconds(2));
            }
            report.say("while Kafka was away: fund-service ready in %d of %d checks, broker reported degraded: %s",
                    readyAnswers, checks, degradedSeen);
            report.check(readyAnswers == checks, "fund-service was not ready while Kafka was away");
            report.check(degradedSeen, "fund-service never reported Kafka as degraded");
            stack.start("kafka");
            back[0] = System.nanoTime();
            report.say("Kafka back after %.1f s away", (back[0] - stopped) / 1e9);
        });
        report.say("backlog drained (standings equal to the fund's totals) %.1f s after Kafka came back",
                (consistentAt - back[0]) / 1e9);
        return report;
    }

    /**
     * 3. The database of one service out of reach under the load (its connections cut, new ones refused, as while
     * its server restarts): that service answers problems meanwhile and recovers by itself; nothing is lost.
     */
    public DrillReport databaseDown(String database) throws Exception {
        DrillReport report = new DrillReport("database " + database + " away for " + size.databaseDown().toSeconds()
                + " s under load");
        underLoad(report, client.login("admin"), load -> {
            Map<Integer, Long> before = load.statuses();
            setConnectable(database, false);
            long cut = System.nanoTime();
            pause(size.databaseDown());
            setConnectable(database, true);
            long restored = System.nanoTime();
            double accepted = load.awaitAcceptedAfter(restored, 120);
            Map<Integer, Long> during = difference(load.statuses(), before);
            report.say("answers while it was away: %s; first donation accepted %.1f s after it was back",
                    during, accepted);
            report.check(during.keySet().stream().noneMatch(status -> status == 500),
                    "a 500 while the database was away: %s", during);
            report.check(!Double.isNaN(accepted), "no donation accepted after the database came back");
            report.say("outage lasted %.1f s", (restored - cut) / 1e9);
        });
        return report;
    }

    /** 4. Keycloak away: tokens already issued keep working (keys cached), new logins fail, odd tokens are 401. */
    public DrillReport keycloakDown() throws Exception {
        DrillReport report = new DrillReport("Keycloak down for " + size.keycloakDown().toSeconds() + " s");
        String token = client.login("admin");
        underLoad(report, token, load -> {
            Map<Integer, Long> before = load.statuses();
            stack.stop("keycloak");
            long stopped = System.nanoTime();
            String loginFailure = null;
            try {
                client.login("fund.officer");
            } catch (IOException e) {
                loginFailure = e.getClass().getSimpleName();
            }
            report.check(loginFailure != null, "a new login passed while Keycloak was down");
            HttpResponse<String> read = client.get(token, "/api/v1/households?size=1");
            HttpResponse<String> forged = client.get(unknownKey(token), "/api/v1/donations?size=1");
            report.say("while down: new login failed (%s); household read with the cached token: %d; token signed "
                    + "by an unknown key: %d %s", loginFailure, read.statusCode(), forged.statusCode(),
                    forged.headers().firstValue("Content-Type").orElse(""));
            report.check(read.statusCode() == 200, "a read with an issued token answered %d", read.statusCode());
            report.check(forged.statusCode() == 401, "a token of an unknown key answered %d", forged.statusCode());
            pause(size.keycloakDown().minus(Duration.ofNanos(System.nanoTime() - stopped)));
            Map<Integer, Long> during = difference(load.statuses(), before);
            report.say("donations with the issued token while Keycloak was down: %s", during);
            report.check(during.keySet().stream().allMatch(status -> status == 201),
                    "donations with an issued token failed while Keycloak was down: %s", during);
            stack.start("keycloak");
            client.login("fund.officer");
            report.say("Keycloak back after %.1f s; logins work again", (System.nanoTime() - stopped) / 1e9);
        });
        return report;
    }

    // ---- the load and the checks ----------------------------------------------------------------------------

    private interface Fault {
        void inject(DonationLoad load) throws Exception;
    }

    /** Runs the load with the fault under it, checks the guarantees; returns when the standings agreed. */
    private long underLoad(DrillReport report, String token, Fault fault) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String areaCode = "drill-" + suffix;
        client.json(client.post(token, stack.serviceUrl("fund-service") + "/api/v1/funds", null, Map.of(
                "code", "QD-" + suffix.toUpperCase(), "name", "Quỹ diễn tập " + suffix, "level", "COMMUNE",
                "areaCode", areaCode, "validFrom", "2025-01-01")), 201);
        String donorName = "Hợp tác xã Diễn tập " + suffix;
        long began = System.nanoTime();
        DonationLoad load = new DonationLoad(client, token, areaCode, donorName, size.clients(), size.perSecond());
        try {
            pause(size.steady());
            fault.inject(load);
            pause(size.steady());
        } finally {
            load.close();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        report.say("load: %d donations accepted in %.0f s (%.1f/s), %d requests, %d retries, answers %s",
                load.recorded().size(), seconds, load.recorded().size() / seconds, load.attempts(), load.retries(),
                load.statuses());
        return verify(report, load, "QD-" + suffix.toUpperCase());
    }

    /** Checks exactly-once, gapless receipts and standings; returns when the standings equalled the fund's totals. */
    private long verify(DrillReport report, DonationLoad load, String fundCode) throws Exception {
        report.check(load.refused() == 0, "%d donations refused for good", load.refused());
        report.check(load.duplicates().isEmpty(), "keys answered with two different donations: %s",
                load.duplicates());
        String adminToken = client.login("admin");
        List<JsonNode> donations = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = client.read(adminToken, "/api/v1/donors/" + load.donorId()
                    + "/donations?size=100&page=" + page).path("items");
            items.forEach(donations::add);
            if (items.size() < 100) {
                break;
            }
        }
        Set<String> ids = new HashSet<>();
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode donation : donations) {
            ids.add(donation.path("id").asText());
            String receipt = donation.path("receiptNo").asText();
            report.check(receipt.startsWith(fundCode + "/"), "receipt %s not of the drill's fund", receipt);
            numbers.add(Integer.parseInt(receipt.substring(receipt.lastIndexOf('/') + 1)));
        }
        Set<String> accepted = new HashSet<>(load.recorded().values());
        report.check(donations.size() == accepted.size() && ids.equals(accepted),
                "the fund holds %d donations, the clients had %d accepted", donations.size(), accepted.size());
        numbers.sort(Integer::compare);
        boolean gapless = true;
        for (int i = 0; i < numbers.size(); i++) {
            gapless &= numbers.get(i) == i + 1;
        }
        report.check(gapless, "receipt numbers are not 1..%d without a gap", numbers.size());
        long expectedTotal = accepted.size() * DonationLoad.AMOUNT;
        long waitStart = System.nanoTime();
        JsonNode standing = null;
        while (System.nanoTime() - waitStart < TimeUnit.MINUTES.toNanos(3)) {
            HttpResponse<String> response = client.get(adminToken, "/api/v1/achievements/" + load.donorId());
            if (response.statusCode() == 200) {
                standing = DrillClient.JSON.readTree(response.body());
                if (standing.path("donationCount").asLong() == accepted.size()
                        && standing.path("totalDonatedVnd").asLong() == expectedTotal) {
                    break;
                }
            }
            pause(Duration.ofMillis(500));
        }
        long consistentAt = System.nanoTime();
        long count = standing == null ? -1 : standing.path("donationCount").asLong();
        long total = standing == null ? -1 : standing.path("totalDonatedVnd").asLong();
        report.say("checked: %d donations once each (%d keys), receipts 1..%d %s, standings %d donations / %,d đồng "
                        + "vs the fund's %d / %,d (equal %.1f s after the load ended)", donations.size(),
                load.recorded().size(), numbers.size(), gapless ? "without a gap" : "WITH GAPS", count, total,
                accepted.size(), expectedTotal, (consistentAt - waitStart) / 1e9);
        report.check(count == accepted.size() && total == expectedTotal,
                "standings %d / %d differ from the fund's %d / %d", count, total, accepted.size(), expectedTotal);
        return consistentAt;
    }

    private double awaitReady(String service, Duration timeout) {
        String url = (service.equals("gateway") ? stack.gatewayUrl() : stack.serviceUrl(service)) + "/q/health/ready";
        long start = System.nanoTime();
        pause(Duration.ofMillis(200));
        while (System.nanoTime() - start < timeout.toNanos()) {
            try {
                if (stack.isAlive(service) && client.get(null, url).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            pause(Duration.ofMillis(200));
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Cuts a database's connections and refuses new ones (or lets them in again), as the superuser. */
    private void setConnectable(String database, boolean connectable) throws Exception {
        String url = stack.jdbcUrl(database).replaceAll("/" + database + "$", "/postgres");
        try (Connection connection = DriverManager.getConnection(url, stack.databaseUser(), stack.databasePassword());
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + connectable);
            if (!connectable) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    /** The same token with a key id that no key set has: only a fresh look at Keycloak's keys could know it. */
    private static String unknownKey(String token) {
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replaceAll("\"kid\"\\s*:\\s*\"[^\"]*\"", "\"kid\":\"drill-unknown-key\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
    }

    private static Map<Integer, Long> difference(Map<Integer, Long> after, Map<Integer, Long> before) {
        Map<Integer, Long> during = new java.util.TreeMap<>();
        after.forEach((status, count) -> {
            long delta = count - before.getOrDefault(status, 0L);
            if (delta > 0) {
                during.put(status, delta);
            }
        });
        return during;
    }

    private static void pause(Duration duration) {
        if (!duration.isNegative()) {
            DonationLoad.sleep(duration.toMillis());
        }
    }
}
