package vn.vnn.fund.banking;

import vn.vnn.fund.funds.BankAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A donor's intent to give (ý định ủng hộ): a reference code that the transfer message carries to the fund's bank
 * statement, so that the credit can be matched to the campaign or pledge it was meant for; with or without an amount.
 */
@Entity
@Table(name = "donation_intent")
public class DonationIntent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "bank_account_id")
    public UUID bankAccountId;
    @Column(name = "reference_code")
    public String referenceCode;
    /** The message the dynamic QR puts into the transfer, the reference code in it. */
    @Column(name = "transfer_message")
    public String transferMessage;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "pledge_id")
    public UUID pledgeId;
    @Column(name = "amount_vnd")
    public Long amountVnd;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The dynamic QR's payload for the intent's account. */
    public String payload(BankAccount account) {
        return VietQr.encode(account.bankBin, account.accountNumber, amountVnd, transferMessage);
    }

    public static Optional<DonationIntent> byReference(String referenceCode) {
        return find("referenceCode", referenceCode).firstResultOptional();
    }
}
