package vn.vnn.bench;

import vn.vnn.localstack.ProcessMemory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * fund-service on a fresh local stack: donations accepted per second through the API (each with its idempotency
 * record, gapless receipt number, donor, balanced ledger entries, balance rows, audit row and outbox event, in one
 * transaction), against plain single-row inserts into the same PostgreSQL at the same concurrency.
 */
public final class FundBench {

    private FundBench() {
    }

    public static void main(String[] args) throws Exception {
        StackClient.runAlone(FundBench::run, args);
    }

    /** Area codes of the benchmark's funds: 97 for the one-fund run, then nine more for the ten-fund run. */
    private static final String[] AREAS = {"97", "81", "82", "83", "84", "85", "86", "87", "88", "89"};

    /** Donations into one fund, then across ten, each against plain inserts; then the receipts and ledger checked. */
    static void run(StackClient client, String[] args) throws Exception {
        int donations = StackClient.option(args, "--donations", 3000);
        int clients = StackClient.option(args, "--clients", 8);
        int funds = StackClient.option(args, "--funds", 10);
        String fund = client.service("fund-service");
        String admin = client.token("admin");
        for (int f = 0; f < Math.max(1, funds); f++) {
            StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(fund + "/api/v1/funds"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"code":"QB%s","name":"Quỹ \\"Vì người nghèo\\" (bench %s)","level":"PROVINCE",
                             "areaCode":"%s","validFrom":"2025-01-01"}""".formatted(AREAS[f], AREAS[f], AREAS[f])))
                    .build()), 201);
        }
        String token = client.token("admin");
        System.out.printf(Locale.ROOT, "%n== %,d donations through the API into one fund, %d concurrent clients ==%n",
                donations, clients);
        run(clients, donations / 10, i -> donate(fund, token, i, 1)); // warm-up
        Percentiles api = new Percentiles();
        double apiSeconds = run(clients, donations, i -> {
            long t = System.nanoTime();
            donate(fund, token, i, 1);
            synchronized (api) {
                api.add(System.nanoTime() - t);
            }
        });
        System.out.printf(Locale.ROOT, "donations accepted: %,.0f /s   %s%n", donations / apiSeconds, api);
        Summary.record("donations into one fund (/s)", donations / apiSeconds, ">= 300");
        if (funds > 1) {
            int spread = donations * 2;
            int spreadClients = clients * 2;
            System.out.printf(Locale.ROOT, "%n== %,d donations across %d funds, %d concurrent clients ==%n", spread,
                    funds, spreadClients);
            Percentiles across = new Percentiles();
            double acrossSeconds = run(spreadClients, spread, i -> {
                long t = System.nanoTime();
                donate(fund, token, i, funds);
                synchronized (across) {
                    across.add(System.nanoTime() - t);
                }
            });
            System.out.printf(Locale.ROOT, "donations accepted: %,.0f /s   %s%n", spread / acrossSeconds, across);
            Summary.record("donations across " + funds + " funds (/s)", spread / acrossSeconds, ">= 1000");
        }

        Percentiles plain = new Percentiles();
        double plainSeconds;
        try (Connection db = client.database("fund"); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_plain_insert (id uuid PRIMARY KEY, donor varchar(300), "
                    + "amount_vnd bigint, received_on date, recorded_at timestamptz)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(client.database("fund"));
        }
        try {
            plainSeconds = run(clients, donations, i -> {
                Connection db = connections.get(i % clients);
                long t = System.nanoTime();
                synchronized (db) {
                    try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_plain_insert "
                            + "VALUES (?, ?, ?, DATE '2025-10-20', now())")) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "Nhà hảo tâm " + i);
                        insert.setLong(3, 100_000L + i);
                        insert.executeUpdate();
                    }
                }
                synchronized (plain) {
                    plain.add(System.nanoTime() - t);
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
        try (Connection db = client.database("fund"); Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE bench_plain_insert"); // a service's own migrations grant on all its tables
        }
        System.out.printf(Locale.ROOT, "plain single-row INSERT (JDBC, autocommit): %,.0f /s   %s%n",
                donations / plainSeconds, plain);
        System.out.printf(Locale.ROOT, "ratio: a donation into one fund takes %.1fx the time of a plain insert%n",
                apiSeconds / plainSeconds);

        try (Connection db = client.database("fund"); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("""
                     SELECT count(*), count(DISTINCT fund_id),
                            count(*) FILTER (WHERE receipt_number > n.donations),
                            (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY 1
                             HAVING sum(debit_vnd) <> sum(credit_vnd)) x)
                     FROM donation d
                     JOIN (SELECT fund_id, count(*) AS donations, count(DISTINCT receipt_number) AS distinct_numbers
                           FROM donation GROUP BY fund_id) n USING (fund_id)
                     WHERE d.fund_area_code IN ('97', '81', '82', '83', '84', '85', '86', '87', '88', '89')""")) {
            rs.next();
            System.out.printf(Locale.ROOT, "check: %,d donations in %d funds, %d receipt numbers beyond their fund's "
                    + "count (a gap), %d unbalanced ledger transactions%n", rs.getLong(1), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4));
        }
    }

    private static void donate(String fund, String token, int i, int funds) throws Exception {
        StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(fund + "/api/v1/donations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"donor":{"name":"Nhà hảo tâm %d","type":"INDIVIDUAL"},"kind":"CASH","amountVnd":%d,
                         "receivedOn":"2025-10-20","fundAreaCode":"%s","channel":"BANK_TRANSFER",
                         "bankReference":"FT%d"}""".formatted(i % 500, 100_000 + i, AREAS[i % funds], i))).build()),
                201);
    }

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code total} steps on {@code clients} threads; returns the wall time in seconds. */
    private static double run(int clients, int total, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            int perClient = total / clients;
            for (int c = 0; c < clients; c++) {
                int first = c * perClient;
                int last = c == clients - 1 ? total : first + perClient;
                work.add(() -> {
                    for (int i = first; i < last; i++) {
                        step.run(i);
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> result : pool.invokeAll(work)) {
                result.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }
}
