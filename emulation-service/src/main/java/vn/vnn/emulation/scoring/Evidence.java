package vn.vnn.emulation.scoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Evidence (minh chứng) for a MANUAL criterion: a value claimed for a participant, PENDING until an officer other than
 * the one who submitted it verifies or rejects it; only a verified value counts.
 */
@Entity
public class Evidence extends PanacheEntityBase {

    public enum Status { PENDING, VERIFIED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "movement_id")
    public UUID movementId;
    @Column(name = "criterion_id")
    public UUID criterionId;
    @Column(name = "participant_id")
    public UUID participantId;
    public BigDecimal value;
    public String description;
    /** JSON list of the documents (kind, name, reference), as given. */
    public String attachments;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    public String note;

    /** The four-eyes rule: decided once, by someone other than the submitter. */
    public void decide(boolean approve, String actor, String note, OffsetDateTime at) {
        if (status != Status.PENDING) {
            throw ProblemException.conflict("The evidence is already " + status);
        }
        if (actor.equals(submittedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Evidence is verified by another officer");
        }
        status = approve ? Status.VERIFIED : Status.REJECTED;
        verifiedBy = actor;
        verifiedAt = at;
        this.note = note;
    }
}
