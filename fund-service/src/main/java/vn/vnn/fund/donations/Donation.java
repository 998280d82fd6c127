package vn.vnn.fund.donations;

import vn.vnn.fund.donors.Donor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A donation received by a fund, with its receipt. Never edited or deleted: a cancellation is reversed in the ledger. */
@Entity
public class Donation extends PanacheEntityBase {

    /** How an anonymous gift is named wherever the public or other services see it (ủng hộ ẩn danh). */
    public static final String ANONYMOUS_NAME = "Nhà hảo tâm ẩn danh";

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "donor_id")
    public Donor donor;
    /** The donor's name as written on this donation and its receipt; a later rename of the donor leaves it. */
    @Column(name = "donor_name")
    public String donorName;
    @Enumerated(EnumType.STRING)
    public DonationKind kind;
    @Column(name = "amount_vnd")
    public long amountVnd;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "fund_area_code")
    public String fundAreaCode;
    public boolean anonymous;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "receipt_year")
    public int receiptYear;
    @Column(name = "receipt_number")
    public int receiptNumber;
    /** As printed: fund code / year / number. */
    @Column(name = "receipt_no")
    public String receiptNo;
    @Enumerated(EnumType.STRING)
    public PaymentChannel channel;
    @Column(name = "bank_reference")
    public String bankReference;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    /** For a bank transfer: the fund's bank account that received it. */
    @Column(name = "bank_account_id")
    public UUID bankAccountId;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "pledge_id")
    public UUID pledgeId;
    /** Printed on the receipt; with its number it lets anyone verify the receipt (mã xác minh). */
    @Column(name = "verification_code")
    public String verificationCode;
    @jakarta.persistence.Version
    public long version;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Crockford's base 32: no I, L, O or U, so that a code read off paper is typed right. */
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int CODE_LENGTH = 10;

    /** A fresh verification code: 50 random bits. */
    static String newVerificationCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether {@code code} is this receipt's, compared in constant time (case and spaces forgiven). */
    public boolean verifiedBy(String code) {
        if (code == null || verificationCode == null) {
            return false;
        }
        String typed = code.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return java.security.MessageDigest.isEqual(typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                verificationCode.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A cancelled donation keeps its receipt number; the ledger reverses it. */
    public enum Status { ACCEPTED, CANCELLED }

    /** Where the gift's cash is held in the ledger (nothing for goods in kind). */
    public vn.vnn.fund.funds.CashHolding cashHolding() {
        if (kind != DonationKind.CASH) {
            return null;
        }
        if (channel == PaymentChannel.CASH_AT_OFFICE) {
            return vn.vnn.fund.funds.CashHolding.OFFICE;
        }
        if (channel == PaymentChannel.TREASURY) {
            return vn.vnn.fund.funds.CashHolding.TREASURY;
        }
        return bankAccountId == null ? vn.vnn.fund.funds.CashHolding.BANK
                : vn.vnn.fund.funds.CashHolding.bank(bankAccountId);
    }

    /** The name the public statement and other services show: the donor's, unless the gift is anonymous. */
    public String publicName() {
        return anonymous ? ANONYMOUS_NAME : donorName;
    }
}
