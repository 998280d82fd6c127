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
        int donations = StackClient.option(args, "--donations", 3000);
        int clients = StackClient.option(args, "--clients", 8);
        try (StackClient client = StackClient.start(false)) {
            String fund = client.service("fund-service");
            StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(fund + "/api/v1/funds"))
                    .header("Authorization", "Bearer " + client.token("admin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"code":"QB97","name":"Quỹ \\"Vì người nghèo\\" (bench)","level":"PROVINCE",
                             "areaCode":"97","validFrom":"2025-01-01"}""")).build()), 201);
            String token = client.token("admin");
            System.out.printf(Locale.ROOT, "%n== %,d donations through the API, %d concurrent clients ==%n", donations,
                    clients);
            run(clients, donations / 10, i -> donate(fund, token, i)); // warm-up
            Percentiles api = new Percentiles();
            double apiSeconds = run(clients, donations, i -> {
                long t = System.nanoTime();
                donate(fund, token, i);
                synchronized (api) {
                    api.add(System.nanoTime() - t);
                }
            });
            System.out.printf(Locale.ROOT, "donations accepted: %,.0f /s   %s%n", donations / apiSeconds, api);

            Percentiles plain = new Percentiles();
            double plainSeconds;
            try (Connection db = client.database("fund"); Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE bench_plain_insert (id uuid PRIMARY KEY, donor varchar(300), "
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
            System.out.printf(Locale.ROOT, "plain single-row INSERT (JDBC, autocommit): %,.0f /s   %s%n",
                    donations / plainSeconds, plain);
            System.out.printf(Locale.ROOT, "ratio: a donation takes %.1fx the time of a plain insert%n",
                    apiSeconds / plainSeconds);

            try (Connection db = client.database("fund"); Statement query = db.createStatement();
                 ResultSet rs = query.executeQuery("""
                         SELECT count(*), max(receipt_number), count(DISTINCT receipt_number),
                                (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY 1
                                 HAVING sum(debit_vnd) <> sum(credit_vnd)) x)
                         FROM donation""")) {
                rs.next();
                System.out.printf(Locale.ROOT, "check: %,d donations, receipt numbers 1..%,d (%,d distinct), "
                        + "%d unbalanced ledger transactions%n", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4));
            }
            System.out.printf(Locale.ROOT, "Memory: whole stack RSS %d MB%n",
                    ProcessMemory.stackRssMegabytes(client.stack.config().dataDir()));
        }
    }

    private static void donate(String fund, String token, int i) throws Exception {
        StackClient.check(StackClient.send(HttpRequest.newBuilder(URI.create(fund + "/api/v1/donations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"donor":{"name":"Nhà hảo tâm %d","type":"INDIVIDUAL"},"kind":"CASH","amountVnd":%d,
                         "receivedOn":"2025-10-20","fundAreaCode":"97","channel":"BANK_TRANSFER",
                         "bankReference":"FT%d"}""".formatted(i % 500, 100_000 + i, i))).build()), 201);
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
