package vn.vnn.emulation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One event's share of a score, as the evidence behind it. */
@Schema(name = "ScoreCredit", description = "One event's share of a score: what it was (DONATION with the donation id, "
        + "RECOGNITION with the decision number, DISBURSEMENT with the payment id, EVIDENCE with the evidence id), "
        + "when, and how much")
public record ScoreCredit(String criterion, String sourceKind, String sourceRef, LocalDate occurredOn,
                          BigDecimal value, boolean takenBack) {
}
