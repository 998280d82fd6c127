package vn.vnn.fund.funds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A bank account of a fund (tài khoản nhận ủng hộ): where donors transfer, shown with its static VietQR code. */
@Entity
@Table(name = "bank_account")
public class BankAccount extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    /** The bank's six-digit BIN (mã BIN ngân hàng) as NAPAS lists it. */
    @Column(name = "bank_bin")
    public String bankBin;
    @Column(name = "account_number")
    public String accountNumber;
    /** The account holder's name as the bank shows it to the payer. */
    @Column(name = "account_name")
    public String accountName;
    public boolean active;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    public static List<BankAccount> ofFund(UUID fundId) {
        return list("fundId = ?1 order by createdAt", fundId);
    }

    public static List<BankAccount> activeOfFund(UUID fundId) {
        return list("fundId = ?1 and active = true order by createdAt", fundId);
    }
}
