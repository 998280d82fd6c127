package vn.vnn.bench;

import vn.vnn.localstack.drills.DrillReport;
import vn.vnn.localstack.drills.FaultDrills;

import java.time.Duration;
import java.util.List;

/**
 * The fault drills at full size on a fresh local stack: kill -9 of each service, Kafka away for a minute, the fund
 * database away, Keycloak away, each under a steady donation load from retrying clients. Prints each drill's figures
 * and exits non-zero when any guarantee broke (a loss, a duplicate, a gap in receipts, standings that differ, a
 * service not back within 30 s).
 */
public final class DrillsBench {

    private DrillsBench() {
    }

    public static void main(String[] args) throws Exception {
        FaultDrills.Size full = FaultDrills.Size.full();
        FaultDrills.Size size = new FaultDrills.Size(
                StackClient.option(args, "--rate", (int) full.perSecond()),
                StackClient.option(args, "--clients", full.clients()),
                Duration.ofSeconds(StackClient.option(args, "--kafka-down", (int) full.kafkaDown().toSeconds())),
                Duration.ofSeconds(StackClient.option(args, "--database-down",
                        (int) full.databaseDown().toSeconds())),
                Duration.ofSeconds(StackClient.option(args, "--keycloak-down",
                        (int) full.keycloakDown().toSeconds())),
                full.steady(), full.serviceBackWithin());
        List<DrillReport> reports;
        try (StackClient client = StackClient.start(false)) {
            reports = new FaultDrills(client.stack, size).all();
        }
        System.out.println();
        reports.forEach(System.out::println);
        long failed = reports.stream().filter(report -> !report.failures().isEmpty()).count();
        System.out.printf("%n%d of %d drills passed%n", reports.size() - failed, reports.size());
        System.exit(failed == 0 ? 0 : 1);
    }
}
