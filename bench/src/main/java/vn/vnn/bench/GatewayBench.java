package vn.vnn.bench;

import vn.vnn.localstack.LocalStack;
import vn.vnn.localstack.ProcessMemory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same fund-service endpoint called three ways in one run, by the same load generator: directly, through the
 * gateway (token check, rate limit, circuit breaker, request id, trace context, metrics, streaming proxy), and
 * through Debian's nginx set up as a plain reverse proxy with keep-alive to the service. Throughput and latency of
 * each, and the ratios to the direct calls.
 */
public final class GatewayBench {

    /** An officer's read (token checked at the gateway and by the service), and a public read without a token. */
    private static final String[][] ENDPOINTS = {{"/api/v1/funds?size=5", "fund.officer"}, {"/api/v1/public/funds", null}};
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayBench() {
    }

    public static void main(String[] args) throws Exception {
        try (StackClient client = StackClient.start(false)) {
            run(client, args);
            Summary.print();
        }
    }

    /** The two endpoints direct, through the gateway and through nginx, in turn. */
    static void run(StackClient client, String[] args) throws Exception {
        int calls = StackClient.option(args, "--calls", 20_000);
        int clients = StackClient.option(args, "--clients", 16);
        {
            LocalStack stack = client.stack;
            String direct = stack.serviceUrl("fund-service");
            String gateway = stack.gatewayUrl();
            Process nginx = startNginx(URI.create(direct).getPort());
            try {
                String viaNginx = nginx == null ? null : "http://127.0.0.1:" + NGINX_PORT;
                List<String[]> ways = new ArrayList<>(List.of(new String[]{"direct to fund-service", direct},
                        new String[]{"through the gateway", gateway}));
                if (viaNginx != null) {
                    ways.add(new String[]{"through nginx", viaNginx});
                }
                for (String[] endpoint : ENDPOINTS) {
                    String path = endpoint[0];
                    System.out.printf(Locale.ROOT, "%n== GET %s (%s), %d concurrent clients, %,d calls per way ==%n",
                            path, endpoint[1] == null ? "no token" : "token of " + endpoint[1], clients, calls);
                    for (String[] way : ways) { // warm-up: JIT, connection pools
                        load(way[1] + path, token(client, endpoint[1]), clients, calls / 5);
                    }
                    double[] baseline = null;
                    Map<String, double[]> byWay = new HashMap<>();
                    for (String[] way : ways) {
                        Result result = load(way[1] + path, token(client, endpoint[1]), clients, calls);
                        double[] figures = {result.throughput, result.latency.p(50), result.latency.p(99)};
                        System.out.printf(Locale.ROOT,
                                "%-24s %,8.0f calls/s   p50 %6.2f ms   p99 %6.2f ms   errors %d%s%n",
                                way[0], figures[0], figures[1], figures[2], result.errors,
                                baseline == null ? "" : String.format(Locale.ROOT,
                                        "   vs direct: throughput %.2f×, p50 %.2f×, p99 %.2f×",
                                        figures[0] / baseline[0], figures[1] / baseline[1], figures[2] / baseline[2]));
                        if (baseline == null) {
                            baseline = figures;
                        }
                        byWay.put(way[0], figures);
                    }
                    String which = endpoint[1] == null ? "public read" : "officer's read";
                    double[] straight = byWay.get("direct to fund-service");
                    double[] through = byWay.get("through the gateway");
                    double[] proxy = byWay.get("through nginx");
                    if (proxy != null) {
                        Summary.record("gateway vs nginx, " + which + " (x throughput)", through[0] / proxy[0],
                                ">= 0.9");
                    }
                    Summary.record("gateway added p99, " + which + " (ms)", through[2] - straight[2], "<= 2");
                }
                if (viaNginx == null) {
                    System.out.println("through nginx: skipped, nginx is not installed (apt-get install nginx)");
                }
                System.out.printf(Locale.ROOT, "Memory: whole stack RSS %d MB%n",
                        ProcessMemory.stackRssMegabytes(stack.config().dataDir()));
            } finally {
                if (nginx != null) {
                    nginx.destroy();
                }
            }
        }
    }

    private record Result(double throughput, Percentiles latency, int errors) {
    }

    private static String token(StackClient client, String user) throws Exception {
        return user == null ? null : client.token(user);
    }

    private static Result load(String url, String token, int clients, int calls) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        Percentiles latency = new Percentiles();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (next.getAndIncrement() < calls) {
                        long t = System.nanoTime();
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        mine.add(System.nanoTime() - t);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    synchronized (latency) {
                        mine.forEach(latency::add);
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> result : pool.invokeAll(work)) {
                result.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(calls / seconds, latency, errors.get());
        } finally {
            pool.shutdown();
        }
    }

    private static int NGINX_PORT;

    /** Debian's nginx as a plain reverse proxy: one worker per core, keep-alive to the service, no logging. */
    private static Process startNginx(int servicePort) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            return null;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            NGINX_PORT = socket.getLocalPort();
        }
        Path home = Path.of("bench/target/nginx").toAbsolutePath();
        Files.createDirectories(home.resolve("logs"));
        Path conf = home.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream fund { server 127.0.0.1:%2$d; keepalive 64; }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://fund;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(home, servicePort, NGINX_PORT));
        Process process = new ProcessBuilder(binary.toString(), "-p", home.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("logs/nginx.out").toFile()).start();
        for (int i = 0; i < 50; i++) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", NGINX_PORT)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("nginx did not start; see " + home.resolve("logs"));
    }
}
