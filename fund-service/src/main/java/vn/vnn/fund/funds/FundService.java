package vn.vnn.fund.funds;

import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.Ids;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Opening funds and reading their balances and ledgers. */
@ApplicationScoped
public class FundService {

    /** District funds existed only while districts did (until 30 June 2025). */
    private static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);

    private final Ledger ledger;
    private final FundScope scope;
    private final AuditLog audit;
    private final EntityManager entityManager;

    private final ClosedPeriods closedPeriods;
    private final VietnamClock clock;

    FundService(Ledger ledger, FundScope scope, AuditLog audit, EntityManager entityManager,
                ClosedPeriods closedPeriods, VietnamClock clock) {
        this.clock = clock;
        this.closedPeriods = closedPeriods;
        this.scope = scope;
        this.audit = audit;
        this.ledger = ledger;
        this.entityManager = entityManager;
    }

    @Transactional
    public FundBalances open(FundOpening request, String actor, boolean demo) {
        if (request.level() == FundLevel.DISTRICT && !request.validFrom().isBefore(DISTRICTS_ABOLISHED)) {
            throw ProblemException.invalid("level", "district funds end with the districts on 2025-06-30");
        }
        if (Fund.count("code", request.code()) > 0) {
            throw ProblemException.conflict("A fund with code " + request.code() + " exists");
        }
        if (Fund.openForArea(request.areaCode()).isPresent()) {
            throw ProblemException.conflict("Area " + request.areaCode() + " already keeps an open fund");
        }
        Fund fund = new Fund();
        fund.id = Ids.newId();
        fund.code = request.code();
        fund.name = request.name().strip();
        fund.level = request.level();
        fund.areaCode = request.areaCode();
        fund.validFrom = request.validFrom();
        fund.demo = demo;
        fund.createdBy = actor;
        fund.createdAt = clock.now();
        fund.persist();
        audit.record("FUND", fund.id, "OPENED", actor, fund.level + " " + fund.code + " for area " + fund.areaCode);
        return new FundBalances(fund, java.util.Map.of());
    }

    @Transactional
    public FundBalances get(UUID id) {
        Fund fund = find(id);
        return new FundBalances(fund, ledger.balances(fund.id), ledger.cashHoldings(fund.id, null));
    }

    /**
     * Moves cash from one fund to another: a TRANSFER_OUT in the sender's ledger and a TRANSFER_IN in the
     * receiver's, in one transaction. Both balance rows are locked in a fixed order first, so that two opposite
     * transfers queue instead of deadlocking; the sender's cash can never go negative.
     */
    @Transactional
    public TransferResult transfer(UUID fromId, Transfer request,
                                                  String actor) {
        Fund from = find(fromId);
        Fund to = Fund.findById(request.toFundId());
        if (to == null || to.validTo != null) {
            throw ProblemException.invalid("toFundId", "is no open fund");
        }
        if (to.id.equals(from.id)) {
            throw ProblemException.invalid("toFundId", "is the same fund");
        }
        entityManager.createNativeQuery("""
                        SELECT 1 FROM fund_balance WHERE fund_id IN (?1, ?2) AND account = 'CASH'
                        ORDER BY fund_id FOR UPDATE""")
                .setParameter(1, from.id).setParameter(2, to.id).getResultList();
        UUID transfer = vn.vnn.kit.Ids.newId();
        long amount = request.amountVnd();
        String reason = request.reason().strip();
        ledger.post(from.id, Ledger.Kind.TRANSFER_OUT, transfer, request.transferredOn(), "Chuyển sang " + to.code
                + ": " + reason, actor, java.util.List.of(
                vn.vnn.fund.funds.LedgerEntry.debit(vn.vnn.fund.funds.Account.CAPITAL, amount),
                LedgerEntry.credit(CashHolding.BANK, amount)));
        ledger.post(to.id, Ledger.Kind.TRANSFER_IN, transfer, request.transferredOn(), "Nhận từ " + from.code
                + ": " + reason, actor, java.util.List.of(
                LedgerEntry.debit(CashHolding.BANK, amount),
                vn.vnn.fund.funds.LedgerEntry.credit(vn.vnn.fund.funds.Account.CAPITAL, amount)));
        audit.record("FUND", from.id, "TRANSFER_OUT", actor, amount + " đồng to " + to.code + ": " + reason);
        audit.record("FUND", to.id, "TRANSFER_IN", actor, amount + " đồng from " + from.code + ": " + reason);
        // The receiving fund's balances are its own officers' business.
        return new TransferResult(transfer, get(from.id), new FundBalances(to, scope.covers(to)
                ? ledger.balances(to.id) : null));
    }

    /** Closes a month of the fund's books (khóa sổ); see {@link ClosedPeriods}. */
    @Transactional
    public ClosedPeriods.ClosedPeriod closePeriod(UUID id, java.time.YearMonth month, String actor) {
        return closedPeriods.close(find(id).id, month, actor);
    }

    @Transactional
    public List<ClosedPeriods.ClosedPeriod> closedPeriods(UUID id) {
        return closedPeriods.list(find(id).id);
    }

    /** The fund itself, if the caller works on it. */
    @Transactional
    public Fund entity(UUID id) {
        return find(id);
    }

    @Transactional
    public List<FundBalances> list() {
        return Fund.<Fund>list("order by level, areaCode, validFrom").stream().filter(scope::covers)
                .map(fund -> new FundBalances(fund, ledger.balances(fund.id))).toList();
    }

    /** The fund's ledger in the order it was written. */
    @Transactional
    public Page<LedgerLine> ledger(UUID id, PageRequest page) {
        find(id);
        List<LedgerLine> lines = ledger.lines(id, page.offset(), page.size());
        long total = ledger.entryCount(id);
        return Page.of(lines, page, total);
    }

    private Fund find(UUID id) {
        return scope.require(id, "Fund", id);
    }
}
