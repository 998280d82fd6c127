package vn.vnn.fund.disbursements;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.kit.persistence.Versions;

import vn.vnn.fund.funds.FundScope;
import vn.vnn.fund.funds.Ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.fund.funds.FundConfig;
import vn.vnn.fund.funds.Account;
import vn.vnn.fund.funds.BankAccount;
import vn.vnn.fund.funds.CashHolding;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.LedgerEntry;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Support out (chi hỗ trợ): a fund officer requests it for an eligible household, someone else with the approver's
 * permission decides, a fund officer records the payment. Paying moves the ledger; the fund's cash can never go below
 * zero, whatever the concurrency, and {@code fund.disbursement-paid.v1} leaves through the outbox with the payment.
 */
@ApplicationScoped
public class DisbursementService {

    private final Ledger ledger;
    private final Outbox outbox;
    private final FundConfig config;
    private final AuditLog audit;
    private final FundScope scope;
    private final EntityManager entityManager;
    private final VietnamClock clock;

    DisbursementService(Ledger ledger, Outbox outbox, FundConfig config, AuditLog audit, FundScope scope,
                        EntityManager entityManager, VietnamClock clock) {
        this.clock = clock;
        this.scope = scope;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    @Transactional
    public Disbursement request(DisbursementCommands.Request request, String actor) {
        Fund fund = scope.openFund(request.fundAreaCode(), "fundAreaCode");
        long cap = config.cap(fund.areaCode, request.category().name()).orElseThrow(() -> ProblemException.invalid(
                "category", "no cap is configured for " + request.category()));
        if (request.amountVnd() > cap) {
            throw ProblemException.invalid("amountVnd", "is above the cap of " + cap + " đồng for "
                    + request.category() + " in this fund");
        }
        if (request.houseWork() != null && request.category() != SupportCategory.GREAT_SOLIDARITY_HOUSE) {
            throw ProblemException.invalid("houseWork", "is only for GREAT_SOLIDARITY_HOUSE");
        }
        EligibleHousehold household = EligibleHousehold.findById(request.householdId());
        LocalDate today = clock.today();
        Disbursement.Eligibility eligibility = eligibility(household, today.getYear(), request.hardshipReason())
                .orElseThrow(() -> ProblemException.invalid("householdId", "is not recognised POOR or NEAR_POOR by "
                        + "the latest review; give a hardship reason to request an exception"));
        SupportCaps.problem(request.category(), received(request.householdId(), request.category(), today, null),
                request.amountVnd(), config.householdCaps().get(request.category().name())).ifPresent(problem -> {
                    throw ProblemException.invalid("amountVnd", problem);
                });
        String commune = household != null ? household.communeCode : request.communeCode();
        if (commune == null) {
            throw ProblemException.invalid("communeCode", "is required for a household the fund has no record of");
        }
        Disbursement disbursement = new Disbursement();
        disbursement.id = Ids.newId();
        disbursement.fundId = fund.id;
        disbursement.householdId = request.householdId();
        disbursement.communeCode = commune;
        disbursement.category = request.category();
        disbursement.amountVnd = request.amountVnd();
        disbursement.purpose = request.purpose().strip();
        disbursement.houseWork = request.category() != SupportCategory.GREAT_SOLIDARITY_HOUSE ? null
                : request.houseWork() == null ? HouseWork.NEW_BUILD : request.houseWork();
        disbursement.eligibility = eligibility;
        disbursement.hardshipReason = eligibility == Disbursement.Eligibility.HARDSHIP
                ? request.hardshipReason().strip() : null;
        disbursement.status = Disbursement.Status.REQUESTED;
        disbursement.requestedBy = actor;
        disbursement.requestedAt = clock.now();
        disbursement.persist();
        audit.record("DISBURSEMENT", disbursement.id, "REQUESTED", actor, disbursement.category + " "
                + disbursement.amountVnd + " đồng, " + disbursement.eligibility);
        return disbursement;
    }

    /** Approves or rejects; never by the officer who requested it. Eligibility is checked again at the decision. */
    @Transactional
    public Disbursement decide(UUID id, DisbursementCommands.Decision decision, String actor) {
        Disbursement disbursement = find(id, decision.version());
        if (disbursement.status != Disbursement.Status.REQUESTED) {
            throw ProblemException.conflict("The disbursement is " + disbursement.status + ", not REQUESTED");
        }
        if (actor.equals(disbursement.requestedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "The officer who requested a disbursement cannot decide it");
        }
        if (decision.verdict() == DisbursementCommands.Decision.Verdict.REJECT) {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw ProblemException.invalid("reason", "is required when rejecting");
            }
            disbursement.status = Disbursement.Status.REJECTED;
            disbursement.rejectionReason = decision.reason().strip();
        } else {
            if (disbursement.eligibility != Disbursement.Eligibility.HARDSHIP) {
                EligibleHousehold household = EligibleHousehold.findById(disbursement.householdId);
                if (eligibility(household, clock.today().getYear(), null).isEmpty()) {
                    throw ProblemException.conflict("The household is no longer recognised POOR or NEAR_POOR");
                }
            }
            SupportCaps.problem(disbursement.category, received(disbursement.householdId, disbursement.category,
                    clock.today(), disbursement.id), disbursement.amountVnd,
                    config.householdCaps().get(disbursement.category.name())).ifPresent(problem -> {
                        throw ProblemException.conflict("Approving it would exceed the household's cap: " + problem);
                    });
            disbursement.status = Disbursement.Status.APPROVED;
        }
        disbursement.decidedBy = actor;
        disbursement.decidedAt = clock.now();
        disbursement.decisionNo = decision.decisionNo();
        audit.record("DISBURSEMENT", disbursement.id, disbursement.status.name(), actor,
                disbursement.status == Disbursement.Status.REJECTED ? disbursement.rejectionReason
                        : "decision " + disbursement.decisionNo);
        entityManager.flush();
        return disbursement;
    }

    /** Records the payment: the ledger moves the money out (409 when the fund's cash does not cover it). */
    @Transactional
    public Disbursement pay(UUID id, DisbursementCommands.Payment payment, String actor) {
        Disbursement disbursement = find(id, payment.version());
        if (disbursement.status != Disbursement.Status.APPROVED) {
            throw ProblemException.conflict("Only an APPROVED disbursement is paid; this one is "
                    + disbursement.status);
        }
        CashHolding from = CashHolding.BANK;
        if (payment.bankAccountId() != null) {
            BankAccount account = BankAccount.findById(payment.bankAccountId());
            if (account == null || !account.fundId.equals(disbursement.fundId)) {
                throw ProblemException.invalid("bankAccountId", "is no bank account of this fund");
            }
            from = CashHolding.bank(account.id);
            if (payment.transferReference() != null && Disbursement.count(
                    "bankAccountId = ?1 and transferReference = ?2", account.id, payment.transferReference()) > 0) {
                throw ProblemException.conflict("transfer " + payment.transferReference()
                        + " is already recorded as another payment from this account");
            }
        } else if (payment.transferReference() != null) {
            throw ProblemException.invalid("transferReference", "is for a payment from a bank account: name it "
                    + "in bankAccountId");
        }
        ledger.post(disbursement.fundId, Ledger.Kind.DISBURSEMENT, disbursement.id, payment.paidOn(),
                "Chi " + disbursement.category + " hộ " + disbursement.householdId, actor,
                List.of(LedgerEntry.debit(Account.SUPPORT_PAID, disbursement.amountVnd),
                        LedgerEntry.credit(from, disbursement.amountVnd)));
        disbursement.bankAccountId = payment.bankAccountId();
        disbursement.transferReference = payment.transferReference();
        disbursement.status = Disbursement.Status.PAID;
        disbursement.paidBy = actor;
        disbursement.paidAt = clock.now();
        disbursement.paidOn = payment.paidOn();
        outbox.publish("disbursement", disbursement.id.toString(), new DisbursementPaidV1(
                disbursement.id.toString(), disbursement.householdId, disbursement.communeCode,
                disbursement.category.eventPurpose(), disbursement.amountVnd, disbursement.paidOn, null,
                disbursement.decisionNo, actor, disbursement.houseWork == null ? null : disbursement.houseWork.name()));
        audit.record("DISBURSEMENT", disbursement.id, "PAID", actor, "paid on " + disbursement.paidOn);
        entityManager.flush();
        return disbursement;
    }

    @Transactional
    public Disbursement get(UUID id) {
        return find(id, null);
    }

    @Transactional
    public Page<Disbursement> list(String status, PageRequest page) {
        Disbursement.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Disbursement.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be one of " + List.of(Disbursement.Status.values()));
            }
        }
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        scope.bind(params);
        String query = "from Disbursement d where " + scope.condition("d.fundId");
        if (wanted != null) {
            query += " and d.status = :status";
            params.put("status", wanted);
        }
        long total = Disbursement.count(query, params);
        List<Disbursement> items = Disbursement.<Disbursement>find(query + " order by d.requestedAt desc, d.id",
                params).page(page.page(), page.size()).list();
        return Page.of(items, page, total);
    }

    private static java.util.Optional<Disbursement.Eligibility> eligibility(EligibleHousehold household, int year,
                                                                           String hardshipReason) {
        return SupportEligibility.of(household == null ? null : household.status,
                household == null ? null : household.reviewYear, year, hardshipReason);
    }

    /**
     * What the household has been granted in the category's period up to {@code on}, by every fund (requested,
     * approved or paid; one disbursement left out when deciding it).
     */
    private long received(String householdId, SupportCategory category, LocalDate on, UUID except) {
        // One request at a time per household and category, so that two cannot both slip under the cap.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "support-cap:" + householdId + ":" + category).getSingleResult();
        return Disbursement.receivedBy(householdId, category, VietnamClock.startOf(SupportCaps.periodStart(category,
                on)), except);
    }

    private Disbursement find(UUID id, Long version) {
        Disbursement disbursement = Disbursement.findById(id);
        if (disbursement == null) {
            throw ProblemException.notFound("Disbursement", id);
        }
        scope.require(disbursement.fundId, "Disbursement", id);
        Versions.requireUnchanged("Disbursement", id, disbursement.version, version);
        return disbursement;
    }
}
