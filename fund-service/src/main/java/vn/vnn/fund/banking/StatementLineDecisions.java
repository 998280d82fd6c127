package vn.vnn.fund.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.vnn.fund.donations.Donation;
import vn.vnn.fund.donations.DonationEntry;
import vn.vnn.fund.donations.DonationKind;
import vn.vnn.fund.donations.DonationService;
import vn.vnn.fund.donations.PaymentChannel;
import vn.vnn.fund.donations.RecordedDonation;
import vn.vnn.fund.donors.DonorRef;
import vn.vnn.fund.funds.BankAccount;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundScope;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.persistence.Versions;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What an officer decides on a statement line the matching left open: confirm the suggested donation, record the
 * donation the line is (donation, receipt, ledger entries and the link to the line in one transaction), or set the
 * line aside with a reason. A line becomes one donation at most, and a donation the match of one line at most.
 */
@ApplicationScoped
public class StatementLineDecisions {

    /** Fired when a line was decided; its month is reconciled again once the decision has committed. */
    public record Decided(UUID bankAccountId, LocalDate bookedOn) {
    }

    /** Who gave and what for, for a donation recorded from a line (the amount, day and reference are the line's). */
    public record NewDonation(DonorRef donor, UUID donorId, Boolean anonymous, UUID campaignId, UUID pledgeId,
                              String note) {
    }

    private final FundScope scope;
    private final DonationService donations;
    private final AccountCash cash;
    private final AuditLog audit;
    private final VietnamClock clock;
    private final EntityManager entityManager;
    private final Event<Decided> decided;
    private final Reconciliations reconciliations;

    StatementLineDecisions(FundScope scope, DonationService donations, AccountCash cash, AuditLog audit,
                           VietnamClock clock, EntityManager entityManager, Event<Decided> decided,
                           Reconciliations reconciliations) {
        this.scope = scope;
        this.donations = donations;
        this.cash = cash;
        this.audit = audit;
        this.clock = clock;
        this.entityManager = entityManager;
        this.decided = decided;
        this.reconciliations = reconciliations;
    }

    /**
     * The suggested donation is the line's: linked to it, given the line's bank reference when it had none, and its
     * cash placed in this account when it was recorded without one.
     */
    @Transactional
    public StatementLine confirm(UUID bankAccountId, UUID lineId, long version, String actor) {
        StatementLine line = line(bankAccountId, lineId, version);
        if (line.outcome != StatementMatching.Outcome.SUGGESTED || line.suggestedDonationId == null) {
            throw ProblemException.conflict("only a SUGGESTED line is confirmed; this one is " + line.outcome);
        }
        Donation donation = entityManager.find(Donation.class, line.suggestedDonationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (donation.status != Donation.Status.ACCEPTED) {
            throw ProblemException.conflict("donation " + donation.receiptNo + " was cancelled");
        }
        if (StatementLine.count("donationId", donation.id) > 0) {
            throw ProblemException.conflict("donation " + donation.receiptNo + " is already another line's match");
        }
        cash.place(donation, line, actor);
        line.outcome = StatementMatching.Outcome.MATCHED;
        line.donationId = donation.id;
        line.suggestedDonationId = null;
        return decided(line, "CONFIRMED", actor, "donation " + donation.receiptNo);
    }

    /** Records the donation the line is, with the line's amount, booking day, bank reference and account. */
    @Transactional
    public RecordedDonation recordDonation(UUID bankAccountId, UUID lineId, long version, NewDonation request,
                                           String actor) {
        StatementLine line = line(bankAccountId, lineId, version);
        if (!line.credit()) {
            throw ProblemException.conflict("line " + line.lineNo + " is a debit; a donation is money in");
        }
        if (line.donationId != null || line.outcome == StatementMatching.Outcome.MATCHED
                || line.outcome == StatementMatching.Outcome.IGNORED) {
            throw ProblemException.conflict("line " + line.lineNo + " is " + line.outcome
                    + (line.donationId == null ? "" : " (its donation is recorded)"));
        }
        Fund fund = Fund.findById(BankAccount.<BankAccount>findById(line.bankAccountId).fundId);
        RecordedDonation recorded = donations.record(new DonationEntry(request.donor(), DonationKind.CASH,
                line.amountVnd, line.bookedOn, fund.areaCode, request.anonymous(), request.note(),
                PaymentChannel.BANK_TRANSFER, line.bankReference, null, request.campaignId(), request.pledgeId(),
                request.donorId(), line.bankAccountId), actor);
        line.outcome = StatementMatching.Outcome.MATCHED;
        line.donationId = recorded.donation().id;
        line.suggestedDonationId = null;
        decided(line, "DONATION_RECORDED", actor, "donation " + recorded.donation().receiptNo);
        return recorded;
    }

    /** Sets a line aside (bank fees, interest, a refund) with the reason. */
    @Transactional
    public StatementLine ignore(UUID bankAccountId, UUID lineId, long version, String reason, String actor) {
        StatementLine line = line(bankAccountId, lineId, version);
        if (line.outcome == StatementMatching.Outcome.MATCHED || line.outcome == StatementMatching.Outcome.IGNORED) {
            throw ProblemException.conflict("line " + line.lineNo + " is " + line.outcome);
        }
        line.outcome = StatementMatching.Outcome.IGNORED;
        line.suggestedDonationId = null;
        line.note = reason.strip();
        return decided(line, "IGNORED", actor, line.note);
    }

    /** Reconciles the month of a decided line again, after the decision committed. */
    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) Decided line) {
        reconciliations.settle(line.bankAccountId(), line.bookedOn(), line.bookedOn());
    }

    private StatementLine decided(StatementLine line, String what, String actor, String detail) {
        line.matchedBy = "OFFICER";
        line.decidedBy = actor;
        line.decidedAt = clock.now();
        entityManager.flush();
        audit.record("BANK_STATEMENT_LINE", line.id, what, actor, "line " + line.lineNo + ": " + detail);
        decided.fire(new Decided(line.bankAccountId, line.bookedOn));
        return line;
    }

    /** The account's line, locked, at the version the officer read. */
    private StatementLine line(UUID bankAccountId, UUID lineId, long version) {
        BankAccount account = bankAccountId == null ? null : BankAccount.findById(bankAccountId);
        if (account == null) {
            throw ProblemException.notFound("Bank account", bankAccountId);
        }
        scope.require(account.fundId, "Bank account", bankAccountId);
        StatementLine line = lineId == null ? null
                : entityManager.find(StatementLine.class, lineId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null || !line.bankAccountId.equals(account.id)) {
            throw ProblemException.notFound("Statement line", lineId);
        }
        Versions.requireUnchanged("Statement line", lineId, line.version, version);
        return line;
    }
}
