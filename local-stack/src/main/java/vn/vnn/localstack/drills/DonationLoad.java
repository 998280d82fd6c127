package vn.vnn.localstack.drills;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of donations through the gateway from clients that retry: each donation has its own
 * {@code Idempotency-Key}, sent again with every retry (after 0.5 s) until the donation is recorded. What the clients
 * saw is counted: attempts, retries, answers by status, and the id each key was recorded under (a key answered with
 * two different ids would be a duplicate).
 */
final class DonationLoad implements AutoCloseable {

    static final long AMOUNT = 100_000;

    private final DrillClient client;
    private final String token;
    private final String fundAreaCode;
    private final String donorName;
    private final ExecutorService clients;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Future<?>> workers = new ArrayList<>();
    private final Map<String, String> recorded = new ConcurrentHashMap<>();
    private final Set<String> duplicates = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String donorId;
    /** When each donation was accepted (System.nanoTime()), to tell how soon the stream flowed again after a fault. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> acceptedAt =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** {@code perSecond} donations a second in all, from {@code clientCount} clients. */
    DonationLoad(DrillClient client, String token, String fundAreaCode, String donorName, int clientCount,
                 double perSecond) {
        this.client = client;
        this.token = token;
        this.fundAreaCode = fundAreaCode;
        this.donorName = donorName;
        this.clients = Executors.newFixedThreadPool(clientCount, r -> {
            Thread thread = new Thread(r, "drill-client");
            thread.setDaemon(true);
            return thread;
        });
        long pauseNanos = (long) (clientCount * 1e9 / perSecond);
        for (int i = 0; i < clientCount; i++) {
            workers.add(clients.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    donateOnce();
                    long rest = pauseNanos - (System.nanoTime() - started);
                    if (rest > 0) {
                        sleep(rest / 1_000_000);
                    }
                }
            }));
        }
    }

    /** One donation, retried with the same key until it is recorded (or a refusal that no retry can fix). */
    private void donateOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("donor", Map.of("name", donorName, "type", "ORGANISATION"),
                "kind", "CASH", "amountVnd", AMOUNT, "receivedOn", "2025-10-20", "fundAreaCode", fundAreaCode);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        boolean first = true;
        while (System.nanoTime() < deadline) {
            if (!first) {
                retries.incrementAndGet();
                sleep(500);
            }
            first = false;
            attempts.incrementAndGet();
            int status;
            String id = null;
            try {
                HttpResponse<String> response = client.post(token, "/api/v1/donations", key, body);
                status = response.statusCode();
                if (status == 201) {
                    var json = DrillClient.JSON.readTree(response.body());
                    id = json.path("id").asText();
                    donorId = json.path("donorId").asText();
                }
            } catch (IOException e) {
                status = 0; // no answer: connection refused or cut
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status == 201) {
                String earlier = recorded.putIfAbsent(key, id);
                if (earlier != null && !earlier.equals(id)) {
                    duplicates.add(key);
                }
                acceptedAt.add(System.nanoTime());
                return;
            }
            if (status != 0 && status != 409 && status != 429 && status < 500) {
                refused.incrementAndGet(); // the fault must never turn into a refusal of the donation itself
                return;
            }
        }
        refused.incrementAndGet();
    }

    /**
     * Seconds from {@code since} (System.nanoTime()) to the first donation accepted after it, waiting for one if
     * need be; NaN when none came within the timeout.
     */
    double awaitAcceptedAfter(long since, long timeoutSeconds) {
        long deadline = since + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            long first = acceptedAt.stream().mapToLong(Long::longValue).filter(t -> t > since).min()
                    .orElse(Long.MAX_VALUE);
            if (first != Long.MAX_VALUE) {
                return (first - since) / 1e9;
            }
            sleep(100);
        }
        return Double.NaN;
    }

    /**
     * The longest time without an accepted donation between {@code from} and {@code to} (System.nanoTime()): how
     * long the stream stood still around a fault.
     */
    double longestGap(long from, long to) {
        List<Long> times = new ArrayList<>(acceptedAt.stream().filter(t -> t >= from && t <= to).sorted().toList());
        times.add(0, from);
        times.add(to);
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return longest / 1e9;
    }

    /** Stops sending new donations and waits for those in flight to be recorded. */
    @Override
    public void close() {
        running.set(false);
        for (Future<?> worker : workers) {
            try {
                worker.get(4, TimeUnit.MINUTES);
            } catch (Exception e) {
                worker.cancel(true);
            }
        }
        clients.shutdownNow();
    }

    Map<String, String> recorded() {
        return recorded;
    }

    Set<String> duplicates() {
        return duplicates;
    }

    String donorId() {
        return donorId;
    }

    long attempts() {
        return attempts.get();
    }

    long retries() {
        return retries.get();
    }

    long refused() {
        return refused.get();
    }

    /** Answers by status; 0 = no answer. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
