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
    /** For a Great Solidarity house: new build or repair; null for other categories. */
    @Enumerated(EnumType.STRING)
    @Column(name = "house_work")
    public HouseWork houseWork;
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
    /** The fund's bank account a transfer left from; none when paid from the office's cash. */
    @Column(name = "bank_account_id")
    public UUID bankAccountId;
    /** The bank's reference of the transfer, which the account's statement shows on its debit. */
    @Column(name = "transfer_reference")
    public String transferReference;
    @Version
    public long version;

    /** What a household was granted in a category since {@code from}, by every fund, leaving {@code except} out. */
    public static long receivedBy(String householdId, SupportCategory category, java.time.OffsetDateTime from,
                                  java.util.UUID except) {
        Long sum = getEntityManager().createQuery("""
                        select coalesce(sum(d.amountVnd), 0) from Disbursement d
                        where d.householdId = :household and d.category = :category and d.requestedAt >= :from
                          and d.status in :live and (:except is null or d.id <> :except)""", Long.class)
                .setParameter("household", householdId).setParameter("category", category)
                .setParameter("from", from).setParameter("except", except)
                .setParameter("live", java.util.List.of(Status.REQUESTED, Status.APPROVED, Status.PAID))
                .getSingleResult();
        return sum == null ? 0 : sum;
    }
}
