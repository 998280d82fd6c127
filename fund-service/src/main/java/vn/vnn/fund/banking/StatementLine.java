package vn.vnn.fund.banking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One movement of an imported bank statement and what became of it ({@link StatementMatching.Outcome}): the donation
 * or payment it is, the intent whose reference it carried, the donation suggested for it, or why it was set aside.
 */
@Entity
@Table(name = "bank_statement_line")
public class StatementLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "statement_id")
    public UUID statementId;
    @Column(name = "line_no")
    public int lineNo;
    @Column(name = "bank_account_id")
    public UUID bankAccountId;
    @Column(name = "booked_on")
    public LocalDate bookedOn;
    /** Whole đồng; positive for a credit (money in), negative for a debit. */
    @Column(name = "amount_vnd")
    public long amountVnd;
    @Column(name = "bank_reference")
    public String bankReference;
    public String message;
    @Column(name = "counterparty_name")
    public String counterpartyName;
    @Column(name = "counterparty_account")
    public String counterpartyAccount;
    @Enumerated(EnumType.STRING)
    public StatementMatching.Outcome outcome;
    /** How it was matched: a {@link StatementMatching.By}, or OFFICER when an officer decided. */
    @Column(name = "matched_by")
    public String matchedBy;
    @Column(name = "intent_id")
    public UUID intentId;
    @Column(name = "donation_id")
    public UUID donationId;
    @Column(name = "suggested_donation_id")
    public UUID suggestedDonationId;
    @Column(name = "payment_id")
    public UUID paymentId;
    /** Why an officer set it aside, or why its intent's donation could not be recorded. */
    public String note;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Version
    public long version;

    public boolean credit() {
        return amountVnd > 0;
    }
}
