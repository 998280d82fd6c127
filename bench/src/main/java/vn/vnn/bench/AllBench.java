package vn.vnn.bench;

import vn.vnn.localstack.LocalStack;
import vn.vnn.localstack.ProcessMemory;

import java.util.List;
import java.util.Locale;

/**
 * Every benchmark on one fresh stack, then each service restarted on its own, and one summary table of the figures
 * next to their goals. {@code --quick} runs them at reduced sizes (a few minutes on two cores); without it, at the
 * sizes of the single benchmarks.
 */
public final class AllBench {

    private static final List<String> SERVICES = List.of("household-service", "fund-service", "emulation-service",
            "gateway");

    private AllBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        long began = System.nanoTime();
        try (StackClient client = StackClient.start(false)) {
            LocalStack stack = client.stack;
            Summary.record("whole stack ready, cold (s)", stack.startupTime().toMillis() / 1000.0, "< 30");
            Thread.sleep(5_000); // the services settle (first scheduled jobs) before their idle memory is read
            System.out.printf(Locale.ROOT, "%n== Memory at rest ==%n");
            for (String service : SERVICES) {
                long rss = ProcessMemory.rssMegabytes(stack.pid(service));
                System.out.printf(Locale.ROOT, "%-18s RSS %4d MB%n", service, rss);
                Summary.record(service + " RSS idle (MB)", rss, "< 300");
            }
            HouseholdBench.run(client, quick ? new String[]{"--households=20000", "--report-households=200000",
                    "--national-households=250000", "--runs=20"} : args);
            EmulationBench.run(client, quick ? new String[]{"--rate=200", "--seconds=15"} : args);
            FundBench.run(client, quick ? new String[]{"--donations=1500"} : args);
            StatementBench.run(client, quick ? new String[]{"--lines=20000", "--intents=200", "--known=400"} : args);
            GatewayBench.run(client, quick ? new String[]{"--calls=5000"} : args);

            System.out.printf(Locale.ROOT, "%n== Memory after the load ==%n");
            for (String service : SERVICES) {
                System.out.printf(Locale.ROOT, "%-18s RSS %4d MB%n", service,
                        ProcessMemory.rssMegabytes(stack.pid(service)));
            }
            System.out.printf(Locale.ROOT, "whole stack RSS %d MB%n",
                    ProcessMemory.stackRssMegabytes(stack.config().dataDir()));
            System.out.printf(Locale.ROOT, "%n== Each service started again on its own ==%n");
            for (String service : SERVICES) {
                stack.stopService(service);
                long start = System.nanoTime();
                stack.restartService(service);
                double seconds = (System.nanoTime() - start) / 1e9;
                long rss = ProcessMemory.rssMegabytes(stack.pid(service));
                System.out.printf(Locale.ROOT, "%-18s ready in %.1f s, RSS %d MB%n", service, seconds, rss);
                Summary.record(service + " ready after a start (s)", seconds, "< 3");
            }
        }
        Summary.print();
        System.out.printf(Locale.ROOT, "%nAll benchmarks took %.1f min%n", (System.nanoTime() - began) / 60e9);
    }
}
