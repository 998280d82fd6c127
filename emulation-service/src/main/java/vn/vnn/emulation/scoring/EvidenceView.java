package vn.vnn.emulation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(name = "Evidence")
public record EvidenceView(UUID id, UUID participantId, String criterion, BigDecimal value, String description,
                           String status, String submittedBy, String verifiedBy, String note) {

    public static EvidenceView of(EvidenceService.Checked evidence) {
        Evidence e = evidence.evidence();
        return new EvidenceView(e.id, e.participantId, evidence.criterionCode(), e.value, e.description,
                e.status.name(), e.submittedBy, e.verifiedBy, e.note);
    }
}
