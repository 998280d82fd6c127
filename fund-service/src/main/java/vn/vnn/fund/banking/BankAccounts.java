package vn.vnn.fund.banking;

import vn.vnn.fund.funds.BankAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.fund.campaigns.Campaign;
import vn.vnn.fund.campaigns.Pledge;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundScope;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.time.VietnamClock;

import java.util.List;
import java.util.UUID;

/**
 * A fund's bank accounts and the donors' intents to give to them (VietQR): officers add the accounts of the funds of
 * their areas; anyone reads the active accounts of a fund with their static QR codes and asks for an intent, whose
 * dynamic QR carries a reference code into the transfer message.
 */
@ApplicationScoped
public class BankAccounts {

    /** Attempts at a fresh reference code before giving up (a clash is one in a billion per try). */
    private static final int CODE_ATTEMPTS = 5;

    private final FundScope scope;
    private final AuditLog audit;
    private final VietnamClock clock;

    BankAccounts(FundScope scope, AuditLog audit, VietnamClock clock) {
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** An account to add: the bank's BIN, the account number, the holder's name. */
    public record NewAccount(String bankBin, String accountNumber, String accountName) {
    }

    /** An intent: for a campaign or a pledge of the fund (or neither), with an amount or without. */
    public record NewIntent(UUID bankAccountId, UUID campaignId, UUID pledgeId, Long amountVnd) {
    }

    /** A fund's account with the fund's public code (for its QR link). */
    public record FundAccount(BankAccount account, String fundCode) {
    }

    /** An intent with the account it goes to. */
    public record Intent(DonationIntent intent, BankAccount account, Fund fund) {
    }

    @Transactional
    public FundAccount add(UUID fundId, NewAccount request, String actor) {
        Fund fund = scope.require(fundId, "Fund", fundId);
        if (fund.validTo != null) {
            throw ProblemException.conflict("the fund " + fund.code + " is closed");
        }
        try {
            VietQr.encode(request.bankBin(), request.accountNumber(), null, null);
        } catch (VietQr.Invalid e) {
            throw ProblemException.invalid(e.field(), e.getMessage());
        }
        if (BankAccount.count("bankBin = ?1 and accountNumber = ?2", request.bankBin(), request.accountNumber()) > 0) {
            throw ProblemException.conflict("account " + request.accountNumber() + " at bank " + request.bankBin()
                    + " is already registered");
        }
        BankAccount account = new BankAccount();
        account.id = Ids.newId();
        account.fundId = fund.id;
        account.bankBin = request.bankBin();
        account.accountNumber = request.accountNumber();
        account.accountName = request.accountName().strip();
        account.active = true;
        account.createdBy = actor;
        account.createdAt = clock.now();
        account.persist();
        audit.record("BANK_ACCOUNT", account.id, "ADDED", actor, "fund " + fund.code + ", bank " + account.bankBin
                + ", account " + account.accountNumber);
        return new FundAccount(account, fund.code);
    }

    @Transactional
    public List<FundAccount> ofFund(UUID fundId) {
        Fund fund = scope.require(fundId, "Fund", fundId);
        return BankAccount.ofFund(fundId).stream().map(a -> new FundAccount(a, fund.code)).toList();
    }

    /** The active accounts of a fund, by its public code. */
    @Transactional
    public List<BankAccount> publicAccounts(String fundCode) {
        return BankAccount.activeOfFund(publicFund(fundCode).id);
    }

    @Transactional
    public BankAccount publicAccount(String fundCode, UUID accountId) {
        Fund fund = publicFund(fundCode);
        BankAccount account = accountId == null ? null : BankAccount.findById(accountId);
        if (account == null || !account.fundId.equals(fund.id) || !account.active) {
            throw ProblemException.notFound("Bank account", accountId);
        }
        return account;
    }

    @Transactional
    public Intent intend(String fundCode, NewIntent request) {
        Fund fund = publicFund(fundCode);
        if (fund.validTo != null) {
            throw ProblemException.conflict("the fund " + fund.code + " is closed");
        }
        List<BankAccount> accounts = BankAccount.activeOfFund(fund.id);
        BankAccount account = request.bankAccountId() == null ? accounts.stream().findFirst().orElse(null)
                : accounts.stream().filter(a -> a.id.equals(request.bankAccountId())).findFirst().orElse(null);
        if (account == null) {
            throw ProblemException.invalid("bankAccountId", request.bankAccountId() == null
                    ? "the fund has no account to give to yet" : "is no active account of the fund");
        }
        if (request.campaignId() != null) {
            Campaign campaign = Campaign.findById(request.campaignId());
            if (campaign == null || !campaign.fundId.equals(fund.id)) {
                throw ProblemException.invalid("campaignId", "is no campaign of the fund");
            }
            if (!campaign.runsOn(clock.today())) {
                throw ProblemException.invalid("campaignId", "the campaign runs from " + campaign.startsOn + " to "
                        + campaign.endsOn);
            }
        }
        if (request.pledgeId() != null) {
            Pledge pledge = Pledge.findById(request.pledgeId());
            if (pledge == null || !pledge.fundId.equals(fund.id)) {
                throw ProblemException.invalid("pledgeId", "is no pledge to the fund");
            }
        }
        if (request.amountVnd() != null && (request.amountVnd() < 1 || request.amountVnd() > VietQr.MAX_AMOUNT)) {
            throw ProblemException.invalid("amountVnd", "must be between 1 and " + VietQr.MAX_AMOUNT + " đồng");
        }
        DonationIntent intent = new DonationIntent();
        intent.id = Ids.newId();
        intent.fundId = fund.id;
        intent.bankAccountId = account.id;
        intent.campaignId = request.campaignId();
        intent.pledgeId = request.pledgeId();
        intent.amountVnd = request.amountVnd();
        intent.createdAt = clock.now();
        for (int attempt = 0; ; attempt++) {
            String code = ReferenceCodes.next();
            if (DonationIntent.byReference(code).isEmpty()) {
                intent.referenceCode = code;
                break;
            }
            if (attempt + 1 >= CODE_ATTEMPTS) {
                throw new IllegalStateException("no free reference code after " + CODE_ATTEMPTS + " attempts");
            }
        }
        intent.transferMessage = ReferenceCodes.transferMessage(fund.code, intent.referenceCode);
        intent.persist();
        return new Intent(intent, account, fund);
    }

    /** An intent of the fund by its reference code (as typed: case and look-alike letters forgiven). */
    @Transactional
    public Intent intent(String fundCode, String referenceCode) {
        Fund fund = publicFund(fundCode);
        String code = ReferenceCodes.normalise(referenceCode);
        DonationIntent intent = code == null ? null : DonationIntent.byReference(code)
                .filter(i -> i.fundId.equals(fund.id)).orElse(null);
        if (intent == null) {
            throw ProblemException.notFound("Donation intent", referenceCode);
        }
        return new Intent(intent, BankAccount.findById(intent.bankAccountId), fund);
    }

    private static Fund publicFund(String fundCode) {
        return Fund.<Fund>find("code", fundCode).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Fund", fundCode));
    }
}
