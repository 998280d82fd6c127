package vn.vnn.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.drills.DrillReport;
import vn.vnn.localstack.drills.FaultDrills;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault drills at a reduced size (seconds per fault, a few donations a second), on the shared stack: each one
 * injects its fault under a stream of donations from clients that retry with the same {@code Idempotency-Key}, then
 * checks that every donation is there exactly once, receipt numbers have no gap and the emulation standings equal the
 * fund's totals. {@code bench/run.sh drills} runs them at full size.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillsIT {

    private static FaultDrills drills() {
        return new FaultDrills(SharedStack.stack(), FaultDrills.Size.reduced());
    }

    @Test
    @Order(1)
    void killedServicesComeBackByThemselvesAndRetriedDonationsCountOnce() throws Exception {
        passed(drills().killEachService());
    }

    @Test
    @Order(2)
    void withKafkaAwayTheServicesStayReadyAndTheBacklogDrains() throws Exception {
        passed(drills().kafkaDown());
    }

    @Test
    @Order(3)
    void withItsDatabaseAwayAServiceAnswersProblemsAndRecoversByItself() throws Exception {
        passed(drills().databaseDown("fund"));
    }

    @Test
    @Order(4)
    void withKeycloakAwayIssuedTokensKeepWorking() throws Exception {
        passed(drills().keycloakDown());
    }

    private static void passed(DrillReport report) {
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }
}
