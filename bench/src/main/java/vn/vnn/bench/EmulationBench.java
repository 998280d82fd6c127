package vn.vnn.bench;

import vn.vnn.localstack.ProcessMemory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a donation takes to show in a movement's standings, at a steady rate: donations are recorded through
 * fund-service's API at {@code --rate} per second for {@code --seconds}, spread over four funds; each one's delay is
 * the time from its outbox event (written with the donation) to the moment emulation-service's consumer took it into
 * its inbox, in the same transaction as the score — both clocks are the one PostgreSQL server's.
 */
public final class EmulationBench {

    private static final String[] AREAS = {"93", "94", "95", "96"};

    private EmulationBench() {
    }

    public static void main(String[] args) throws Exception {
        StackClient.runAlone(EmulationBench::run, args);
    }

    /** Donations at a steady rate, and the delay until each is in the standings. */
    static void run(StackClient client, String[] args) throws Exception {
        int rate = StackClient.option(args, "--rate", 200);
        int seconds = StackClient.option(args, "--seconds", 30);
        {
            String fund = client.service("fund-service");
            String emulation = client.service("emulation-service");
            String admin = client.token("admin");
            for (String area : AREAS) {
                StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(fund + "/api/v1/funds"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"code":"QB%s","name":"Quỹ (bench) %s","level":"PROVINCE","areaCode":"%s",
                                 "validFrom":"2025-01-01"}""".formatted(area, area, area))).build()), 201);
            }
            String movement = StackClient.json(StackClient.check(StackClient.send(HttpRequest.newBuilder(
                            URI.create(emulation + "/api/v1/emulation/movements"))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"code":"BENCH","name":"Phong trào (bench)","kind":"THEMATIC","areaCode":"VN",
                             "startsOn":"2025-01-01","endsOn":"2025-12-31","criteria":[{"code":"DONATED",
                             "name":"Ủng hộ","measure":"DONATED_VND","weight":1,"target":1000000000}]}""")).build()),
                    201)).path("id").asText();
            String token = admin;
            int total = rate * seconds;
            System.out.printf(Locale.ROOT, "%n== %,d donations at %d/s for %d s, into 4 funds ==%n", total, rate,
                    seconds);
            ExecutorService workers = Executors.newFixedThreadPool(64);
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger issued = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            clock.scheduleAtFixedRate(() -> {
                int i = issued.getAndIncrement();
                if (i >= total) {
                    return;
                }
                workers.execute(() -> {
                    try {
                        StackClient.check(StackClient.send(HttpRequest.newBuilder(
                                        URI.create(fund + "/api/v1/donations"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"donor":{"name":"Nhà hảo tâm %d","type":"INDIVIDUAL","email":"donor%d@bench.vn"},
                                         "kind":"CASH","amountVnd":%d,"receivedOn":"2025-10-20","fundAreaCode":"%s"}"""
                                        .formatted(i % 1000, i % 1000, 100_000 + i, AREAS[i % AREAS.length]))).build()), 201);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                });
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            while (issued.get() < total) {
                Thread.sleep(100);
            }
            clock.shutdown();
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.MINUTES);
            double sent = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "recorded %,d donations in %.1f s (%,.0f /s), %d failed%n",
                    total - failed.get(), sent, (total - failed.get()) / sent, failed.get());

            Map<String, Instant> written = new HashMap<>();
            try (Connection db = client.database("fund"); Statement query = db.createStatement();
                 ResultSet rs = query.executeQuery("SELECT CAST(id AS text), pg_xact_commit_timestamp(xmin) FROM outbox_event "
                         + "WHERE event_type = 'vn.vnn.fund.donation-received.v1' AND CAST(payload AS jsonb) ->> "
                         + "'fundAreaCode' IN ('93', '94', '95', '96')")) {
                while (rs.next()) {
                    written.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
            Percentiles delay = new Percentiles();
            long waitUntil = System.nanoTime() + 180_000_000_000L;
            try (Connection db = client.database("emulation")) {
                while (count(db, written.keySet()) < written.size() && System.nanoTime() < waitUntil) {
                    Thread.sleep(500);
                }
                try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(
                        "SELECT event_id, pg_xact_commit_timestamp(xmin) FROM inbox_message "
                                + "WHERE consumer = 'emulation.achievements'")) {
                    while (rs.next()) {
                        Instant from = written.get(rs.getString(1));
                        if (from != null) {
                            delay.add(java.time.Duration.between(from, rs.getTimestamp(2).toInstant()).toNanos());
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "donation → standings (donation commit → score commit, %,d events): %s   p99 %.1f ms%n",
                    delay.count(), delay, delay.p(99));
            String standings = StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(emulation
                            + "/api/v1/emulation/movements/" + movement + "/standings?limit=1000"))
                    .header("Authorization", "Bearer " + client.token("admin")).GET().build()), 200)
                    .body();
            double scored = 0;
            for (var row : StackClient.JSON.readTree(standings)) {
                scored += row.path("values").get(0).path("value").asDouble();
            }
            long expected = 0;
            for (int i = 0; i < total; i++) {
                expected += 100_000 + i;
            }
            System.out.printf(Locale.ROOT, "check: standings hold %,.0f đồng; donated %,d đồng%n", scored,
                    expected);
            Summary.record("donation -> standings at " + rate + "/s, p99 (ms)", delay.p(99), "< 250");
        }
    }

    private static long count(Connection db, java.util.Set<String> events) throws Exception {
        try (java.sql.PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM inbox_message WHERE consumer = 'emulation.achievements' AND event_id = ANY(?)")) {
            query.setArray(1, db.createArrayOf("text", events.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
