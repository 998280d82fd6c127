package vn.vnn.fund.donations;

import vn.vnn.fund.funds.BankAccount;
import vn.vnn.kit.persistence.Versions;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.fund.donors.DonorService;
import vn.vnn.fund.funds.FundScope;
import vn.vnn.fund.funds.Ledger;
import vn.vnn.fund.funds.ReceiptNumbers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.fund.funds.Account;
import vn.vnn.fund.donors.Donor;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.LedgerEntry;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.text.Names;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recording donations: the donation, its receipt number, its ledger entries and its event commit together or not at
 * all. Cancelling keeps the receipt number and reverses the entries.
 */
@ApplicationScoped
public class DonationService {

    /** The name shown for donors who asked not to be named (nhà hảo tâm ẩn danh). */

    private final Outbox outbox;
    private final Ledger ledger;
    private final ReceiptNumbers receipts;
    private final DonorService donors;
    private final AuditLog audit;
    private final FundScope scope;
    private final EntityManager entityManager;
    private final DonationItems goods;
    private final VietnamClock clock;

    DonationService(Outbox outbox, Ledger ledger, ReceiptNumbers receipts, DonorService donors, AuditLog audit,
                    FundScope scope, EntityManager entityManager, DonationItems goods, VietnamClock clock) {
        this.clock = clock;
        this.goods = goods;
        this.scope = scope;
        this.outbox = outbox;
        this.ledger = ledger;
        this.receipts = receipts;
        this.donors = donors;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    @Transactional
    public RecordedDonation record(DonationEntry request, String actor) {
        if (request.receivedOn().isAfter(clock.today())) {
            throw ProblemException.invalid("receivedOn", "must not be in the future");
        }
        List<DonationEntry.Item> items = request.items() == null ? List.of() : request.items();
        if (request.kind() == DonationKind.IN_KIND) {
            if (items.isEmpty()) {
                throw ProblemException.invalid("items", "list the goods given in kind, each with its value");
            }
            long total = items.stream().mapToLong(DonationEntry.Item::valueVnd).sum();
            if (total != request.amountVnd()) {
                throw ProblemException.invalid("amountVnd", "must equal the items' values added up (" + total + ")");
            }
            if (request.channel() != null || request.bankReference() != null) {
                throw ProblemException.invalid("channel", "is for cash; goods in kind have items instead");
            }
        } else if (!items.isEmpty()) {
            throw ProblemException.invalid("items", "are for donations IN_KIND");
        }
        Fund fund = scope.openFund(request.fundAreaCode(), "fundAreaCode");
        if (request.receivedOn().isBefore(fund.validFrom)) {
            throw ProblemException.invalid("receivedOn", "is before the fund opened (" + fund.validFrom + ")");
        }
        Donor donor = donors.resolve(request.donorId(), request.donor(), actor);
        return write(request, items, fund, donor, actor);
    }

    /**
     * Records a bank transfer into a fund that the statement's uploader was authorised for (the statement's worker
     * acts without a caller): the donor is the given one, or found or created from {@code request.donor()}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecordedDonation recordTransfer(DonationEntry request, Fund fund, Donor knownDonor, String actor) {
        if (request.receivedOn().isBefore(fund.validFrom)) {
            throw ProblemException.invalid("receivedOn", "is before the fund opened (" + fund.validFrom + ")");
        }
        Donor donor = knownDonor != null ? knownDonor : donors.findOrCreate(request.donor(), actor);
        return write(request, List.of(), fund, donor, actor);
    }

    private RecordedDonation write(DonationEntry request, List<DonationEntry.Item> items, Fund fund, Donor donor,
                                   String actor) {
        UUID campaignId = request.campaignId() == null ? null : campaign(request, fund).id;
        UUID pledgeId = request.pledgeId() == null ? null : pledge(request, fund, donor).id;
        Donation donation = new Donation();
        donation.id = Ids.newId();
        donation.donor = donor;
        donation.donorName = request.donor() == null ? donor.name : Names.normalise(request.donor().name());
        donation.kind = request.kind();
        donation.amountVnd = request.amountVnd();
        donation.receivedOn = request.receivedOn();
        donation.fundAreaCode = fund.areaCode;
        donation.fundId = fund.id;
        donation.anonymous = Boolean.TRUE.equals(request.anonymous());
        donation.note = request.note();
        donation.channel = request.kind() == DonationKind.CASH
                ? (request.channel() == null ? PaymentChannel.BANK_TRANSFER : request.channel()) : null;
        donation.bankReference = request.bankReference();
        donation.bankAccountId = bankAccount(request, fund);
        donation.status = Donation.Status.ACCEPTED;
        donation.campaignId = campaignId;
        donation.pledgeId = pledgeId;
        donation.recordedBy = actor;
        donation.recordedAt = clock.now();
        donation.receiptYear = request.receivedOn().getYear();
        donation.verificationCode = Donation.newVerificationCode();
        // From here on the fund's hot rows (its receipt counter, then its balances) are held until the commit: only
        // the statements that need them or their result follow, the ledger's in one round trip.
        donation.receiptNumber = receipts.next(fund.id, donation.receiptYear);
        donation.receiptNo = ReceiptNumbers.format(fund.code, donation.receiptYear, donation.receiptNumber);
        donation.persist();
        entityManager.flush();
        List<DonationItem> given = goods.add(donation.id, items);
        ledger.post(fund.id, Ledger.Kind.DONATION, donation.id, donation.receivedOn, "Biên lai " + donation.receiptNo,
                actor, List.of(held(donation, true), LedgerEntry.credit(Account.CAPITAL, donation.amountVnd)));
        audit.record("DONATION", donation.id, "RECORDED", actor, "receipt " + donation.receiptNo + ", "
                + donation.kind + " " + donation.amountVnd + " đồng");
        // An anonymous gift leaves the fund without its donor: no name and no donor id, so that nothing outside the
        // receiving fund's officers can attribute it.
        outbox.publish("donation", donation.id.toString(), new DonationReceivedV1(
                donation.id.toString(), donation.anonymous ? null : donor.id.toString(),
                donation.publicName(), donor.type.name(), donation.anonymous,
                donation.kind.name(), donation.amountVnd, donation.receivedOn, donation.fundAreaCode,
                campaignId == null ? null : campaignId.toString(), donation.receiptNo, actor));
        return recorded(donation, given);
    }

    /**
     * Cancels an accepted donation (e.g. a bank transfer returned): it keeps its receipt number and its entries; a
     * reversal takes the money back out, which fails while the money has already been spent.
     */
    @Transactional
    public RecordedDonation cancel(UUID id, long version, String reason, String actor) {
        Donation donation = find(id);
        Versions.requireUnchanged("Donation", id, donation.version, version);
        if (donation.status == Donation.Status.CANCELLED) {
            throw ProblemException.conflict("Donation " + donation.receiptNo + " is already cancelled");
        }
        donation.status = Donation.Status.CANCELLED;
        donation.cancelledBy = actor;
        donation.cancelledAt = clock.now();
        donation.cancelReason = reason.strip();
        ledger.post(donation.fundId, Ledger.Kind.DONATION_REVERSAL, donation.id, clock.today(),
                "Huỷ biên lai " + donation.receiptNo + ": " + donation.cancelReason, actor,
                List.of(LedgerEntry.debit(Account.CAPITAL, donation.amountVnd), held(donation, false)));
        audit.record("DONATION", donation.id, "CANCELLED", actor, donation.cancelReason);
        // Whoever credited the donation (the emulation standings) takes it back.
        outbox.publish("donation", donation.id.toString(), new DonationCancelledV1(
                donation.id.toString(), donation.anonymous ? null : donation.donor.id.toString(), donation.kind.name(), donation.amountVnd,
                donation.receivedOn, clock.today(), donation.fundAreaCode, donation.receiptNo,
                donation.cancelReason, actor));
        entityManager.flush();
        return recorded(donation, goods.of(donation.id));
    }

    @Transactional
    public RecordedDonation get(UUID id) {
        Donation donation = find(id);
        return recorded(donation, goods.of(id));
    }

    @Transactional
    public Page<RecordedDonation> list(PageRequest page) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        scope.bind(params);
        String where = " where " + scope.condition("d.fundId");
        long total = Donation.count("from Donation d" + where, params);
        var items = Donation.<Donation>find("from Donation d join fetch d.donor" + where
                        + " order by d.receivedOn desc, d.id desc", params)
                .page(page.page(), page.size()).list();
        return Page.of(views(items), page, total);
    }

    private static vn.vnn.fund.campaigns.Campaign campaign(DonationEntry request, Fund fund) {
        vn.vnn.fund.campaigns.Campaign campaign = vn.vnn.fund.campaigns.Campaign.findById(request.campaignId());
        if (campaign == null || !campaign.fundId.equals(fund.id)) {
            throw ProblemException.invalid("campaignId", "is no campaign of this fund");
        }
        if (!campaign.runsOn(request.receivedOn())) {
            throw ProblemException.invalid("campaignId", "does not run on " + request.receivedOn() + " ("
                    + campaign.startsOn + " – " + campaign.endsOn + ")");
        }
        return campaign;
    }

    /** The pledge paid; locked so that two payments never overpay it together. */
    private vn.vnn.fund.campaigns.Pledge pledge(DonationEntry request, Fund fund, Donor donor) {
        vn.vnn.fund.campaigns.Pledge pledge = entityManager.find(vn.vnn.fund.campaigns.Pledge.class, request.pledgeId(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (pledge == null || !pledge.fundId.equals(fund.id) || !pledge.donorId.equals(donor.id)) {
            throw ProblemException.invalid("pledgeId", "is no pledge of this donor to this fund");
        }
        long paid = ((Number) entityManager.createNativeQuery(
                        "SELECT coalesce(sum(amount_vnd), 0) FROM donation WHERE pledge_id = ?1 AND status = 'ACCEPTED'")
                .setParameter(1, pledge.id).getSingleResult()).longValue();
        if (paid + request.amountVnd() > pledge.pledgedVnd) {
            throw ProblemException.invalid("amountVnd", "is more than the " + (pledge.pledgedVnd - paid)
                    + " đồng still outstanding on the pledge");
        }
        return pledge;
    }

    /** A receipt by its number and the code printed on it; empty for an unknown number or a wrong code alike. */
    @Transactional
    public java.util.Optional<VerifiedReceipt> verify(String receiptNo, String code) {
        return Donation.<Donation>find("receiptNo", receiptNo).firstResultOptional()
                .filter(d -> d.verifiedBy(code))
                .map(d -> new VerifiedReceipt(d, Fund.findById(d.fundId)));
    }

    /** A donor's accepted gifts of a year to the funds the caller reaches, with those funds' names. */
    public record DonorYear(Donor donor, int year, List<Donation> gifts, Map<UUID, String> fundNames) {

        public long totalVnd() {
            return gifts.stream().mapToLong(d -> d.amountVnd).sum();
        }
    }

    @Transactional
    public DonorYear donorYear(UUID donorId, int year) {
        if (year < 2000 || year > clock.today().getYear()) {
            throw ProblemException.invalid("year", "must be between 2000 and " + clock.today().getYear());
        }
        Donor donor = donors.visibleDonor(donorId);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("donor", donorId);
        params.put("from", java.time.LocalDate.of(year, 1, 1));
        params.put("to", java.time.LocalDate.of(year, 12, 31));
        params.put("accepted", Donation.Status.ACCEPTED);
        scope.bind(params);
        List<Donation> gifts = Donation.<Donation>find("from Donation d where d.donor.id = :donor and d.status = "
                + ":accepted and d.receivedOn between :from and :to and " + scope.condition("d.fundId")
                + " order by d.receivedOn, d.receiptNo", params).list();
        Map<UUID, String> names = new java.util.HashMap<>();
        gifts.forEach(d -> names.computeIfAbsent(d.fundId, id -> Fund.<Fund>findById(id).name));
        org.hibernate.Hibernate.initialize(donor);
        return new DonorYear(donor, year, gifts, names);
    }

    /** A verified receipt with its fund. */
    public record VerifiedReceipt(Donation donation, Fund fund) {
    }

    @Transactional
    public String fundName(UUID fundId) {
        Fund fund = Fund.findById(fundId);
        return fund == null ? "Quỹ \"Vì người nghèo\"" : fund.name;
    }

    /** A donor's donations to the funds the caller reaches, newest first. */
    @Transactional
    public Page<RecordedDonation> ofDonor(UUID donorId, PageRequest page) {
        donors.visibleDonor(donorId);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("donor", donorId);
        scope.bind(params);
        String where = " where d.donor.id = :donor and " + scope.condition("d.fundId");
        long total = Donation.count("from Donation d" + where, params);
        var items = Donation.<Donation>find("from Donation d join fetch d.donor" + where
                        + " order by d.receivedOn desc, d.id desc", params)
                .page(page.page(), page.size()).list();
        return Page.of(views(items), page, total);
    }

    private Donation find(UUID id) {
        Donation donation = Donation.findById(id);
        if (donation == null) {
            throw ProblemException.notFound("Donation", id);
        }
        scope.require(donation.fundId, "Donation", id);
        return donation;
    }

    /** The donation with its donor loaded, so that it can be read once the transaction has ended. */
    private static RecordedDonation recorded(Donation donation, List<DonationItem> items) {
        org.hibernate.Hibernate.initialize(donation.donor);
        return new RecordedDonation(donation, items);
    }

    /** A page of donations with their goods, read in one query rather than one per donation. */
    private List<RecordedDonation> views(List<Donation> donations) {
        Map<UUID, List<DonationItem>> items = goods.of(donations.stream()
                .filter(d -> d.kind == DonationKind.IN_KIND).map(d -> d.id).toList());
        return donations.stream().map(d -> new RecordedDonation(d, items.getOrDefault(d.id, List.of()))).toList();
    }

    /** The entry on what the fund holds: the cash in its holding, or the goods in kind. */
    private static LedgerEntry held(Donation donation, boolean received) {
        vn.vnn.fund.funds.CashHolding holding = donation.cashHolding();
        if (holding == null) {
            return received ? LedgerEntry.debit(Account.IN_KIND, donation.amountVnd)
                    : LedgerEntry.credit(Account.IN_KIND, donation.amountVnd);
        }
        return received ? LedgerEntry.debit(holding, donation.amountVnd)
                : LedgerEntry.credit(holding, donation.amountVnd);
    }

    /** The fund's active bank account that received a bank transfer, when the request names one. */
    private static UUID bankAccount(DonationEntry request, Fund fund) {
        if (request.bankAccountId() == null) {
            return null;
        }
        if (request.kind() != DonationKind.CASH || (request.channel() != null
                && request.channel() != PaymentChannel.BANK_TRANSFER)) {
            throw ProblemException.invalid("bankAccountId", "is for cash received by bank transfer");
        }
        BankAccount found = BankAccount.findById(request.bankAccountId());
        if (found == null || !found.fundId.equals(fund.id)) {
            throw ProblemException.invalid("bankAccountId", "is no bank account of this fund");
        }
        return found.id;
    }
}
