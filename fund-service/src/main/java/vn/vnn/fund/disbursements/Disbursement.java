package vn.vnn.fund.disbursements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Support for one household: REQUESTED → APPROVED (by someone else) → PAID, or REJECTED with a reason. */
@Entity
public class Disbursement extends PanacheEntityBase {

    public enum Status { REQUESTED, APPROVED, REJECTED, PAID }

    /** Why the household may be supported: its recognised status, or an approved hardship exception. */
    public enum Eligibility { POOR, NEAR_POOR, HARDSHIP }

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "household_id")
    public String householdId;
    @Column(name = "commune_code")
    public String communeCode;
    @Enumerated(EnumType.STRING)
    public SupportCategory category;
    @Column(name = "amount_vnd")
    public long amountVnd;
    public String purpose;
    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;
    @Column(name = "hardship_reason")
    public String hardshipReason;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_no")
    public String decisionNo;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "paid_by")
    public String paidBy;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Version
    public long version;
}
