package vn.vnn.emulation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** "Promptly discover" (phát hiện điển hình): a participant who crossed a criterion's threshold, and when. */
@Schema(name = "Candidate", description = "A participant who crossed a criterion's threshold, with the evidence")
public record Candidate(UUID participantId, String name, String kind, String criterion, BigDecimal value,
                        BigDecimal threshold, OffsetDateTime reachedAt, int events) {
}
