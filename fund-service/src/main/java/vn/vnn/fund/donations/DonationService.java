package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.fund.api.DonationRequest;
import vn.vnn.fund.api.DonationView;
import vn.vnn.fund.domain.Account;
import vn.vnn.fund.domain.Donation;
import vn.vnn.fund.domain.DonationItem;
import vn.vnn.fund.domain.DonationKind;
import vn.vnn.fund.domain.Donor;
import vn.vnn.fund.domain.Fund;
import vn.vnn.fund.domain.LedgerEntry;
import vn.vnn.fund.domain.PaymentChannel;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.text.Names;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Recording donations: the donation, its receipt number, its ledger entries and its event commit together or not at
 * all. Cancelling keeps the receipt number and reverses the entries.
 */
@ApplicationScoped
public class DonationService {

    /** The name shown for donors who asked not to be named (nhà hảo tâm ẩn danh). */
    public static final String ANONYMOUS_NAME = "Nhà hảo tâm ẩn danh";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Outbox outbox;
    private final Ledger ledger;
    private final ReceiptNumbers receipts;
    private final DonorService donors;
    private final AuditLog audit;
    private final FundScope scope;
    private final EntityManager entityManager;

    DonationService(Outbox outbox, Ledger ledger, ReceiptNumbers receipts, DonorService donors, AuditLog audit,
                    FundScope scope, EntityManager entityManager) {
        this.scope = scope;
        this.outbox = outbox;
        this.ledger = ledger;
        this.receipts = receipts;
        this.donors = donors;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    @Transactional
    public DonationView record(DonationRequest request, String actor) {
        if (request.receivedOn().isAfter(LocalDate.now(VIETNAM))) {
            throw ProblemException.invalid("receivedOn", "must not be in the future");
        }
        List<DonationRequest.Item> items = request.items() == null ? List.of() : request.items();
        if (request.kind() == DonationKind.IN_KIND) {
            if (items.isEmpty()) {
                throw ProblemException.invalid("items", "list the goods given in kind, each with its value");
            }
            long total = items.stream().mapToLong(DonationRequest.Item::valueVnd).sum();
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
        donation.status = Donation.Status.ACCEPTED;
        donation.campaignId = campaignId;
        donation.pledgeId = pledgeId;
        donation.recordedBy = actor;
        donation.recordedAt = OffsetDateTime.now();
        donation.receiptYear = request.receivedOn().getYear();
        donation.receiptNumber = receipts.next(fund.id, donation.receiptYear);
        donation.receiptNo = ReceiptNumbers.format(fund.code, donation.receiptYear, donation.receiptNumber);
        donation.persist();
        entityManager.flush();
        for (int i = 0; i < items.size(); i++) {
            DonationRequest.Item item = items.get(i);
            entityManager.createNativeQuery("""
                            INSERT INTO donation_item (donation_id, line, name, quantity, unit, value_vnd)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, donation.id).setParameter(2, i + 1).setParameter(3, item.name().strip())
                    .setParameter(4, item.quantity()).setParameter(5, item.unit().strip())
                    .setParameter(6, item.valueVnd()).executeUpdate();
        }
        Account held = held(donation.kind);
        ledger.post(fund.id, Ledger.Kind.DONATION, donation.id, donation.receivedOn, "Biên lai " + donation.receiptNo,
                actor, List.of(LedgerEntry.debit(held, donation.amountVnd),
                        LedgerEntry.credit(Account.CAPITAL, donation.amountVnd)));

        audit.record("DONATION", donation.id, "RECORDED", actor, "receipt " + donation.receiptNo + ", "
                + donation.kind + " " + donation.amountVnd + " đồng");
        // An anonymous gift leaves the fund without its donor: no name and no donor id, so that nothing outside the
        // receiving fund's officers can attribute it.
        outbox.publish("donation", donation.id.toString(), new DonationReceivedV1(
                donation.id.toString(), donation.anonymous ? null : donor.id.toString(),
                donation.anonymous ? ANONYMOUS_NAME : donation.donorName, donor.type.name(), donation.anonymous,
                donation.kind.name(), donation.amountVnd, donation.receivedOn, donation.fundAreaCode,
                campaignId == null ? null : campaignId.toString(), donation.receiptNo, actor));
        return DonationView.of(donation, items(donation.id));
    }

    /**
     * Cancels an accepted donation (e.g. a bank transfer returned): it keeps its receipt number and its entries; a
     * reversal takes the money back out, which fails while the money has already been spent.
     */
    @Transactional
    public DonationView cancel(UUID id, long version, String reason, String actor) {
        Donation donation = find(id);
        if (donation.version != version) {
            throw ProblemException.conflict("Donation " + id + " changed meanwhile; reload it and try again");
        }
        if (donation.status == Donation.Status.CANCELLED) {
            throw ProblemException.conflict("Donation " + donation.receiptNo + " is already cancelled");
        }
        donation.status = Donation.Status.CANCELLED;
        donation.cancelledBy = actor;
        donation.cancelledAt = OffsetDateTime.now();
        donation.cancelReason = reason.strip();
        ledger.post(donation.fundId, Ledger.Kind.DONATION_REVERSAL, donation.id, LocalDate.now(VIETNAM),
                "Huỷ biên lai " + donation.receiptNo + ": " + donation.cancelReason, actor,
                List.of(LedgerEntry.debit(Account.CAPITAL, donation.amountVnd),
                        LedgerEntry.credit(held(donation.kind), donation.amountVnd)));
        audit.record("DONATION", donation.id, "CANCELLED", actor, donation.cancelReason);
        // Whoever credited the donation (the emulation standings) takes it back.
        outbox.publish("donation", donation.id.toString(), new DonationCancelledV1(
                donation.id.toString(), donation.anonymous ? null : donation.donor.id.toString(), donation.kind.name(), donation.amountVnd,
                donation.receivedOn, LocalDate.now(VIETNAM), donation.fundAreaCode, donation.receiptNo,
                donation.cancelReason, actor));
        entityManager.flush();
        return DonationView.of(donation, items(donation.id));
    }

    @Transactional
    public DonationView get(UUID id) {
        Donation donation = find(id);
        return DonationView.of(donation, items(id));
    }

    @Transactional
    public Page<DonationView> list(PageRequest page) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        scope.bind(params);
        String where = " where " + scope.condition("d.fundId");
        long total = Donation.count("from Donation d" + where, params);
        var items = Donation.<Donation>find("from Donation d join fetch d.donor" + where
                        + " order by d.receivedOn desc, d.id desc", params)
                .page(page.page(), page.size()).list();
        return Page.of(views(items), page, total);
    }

    private static vn.vnn.fund.domain.Campaign campaign(DonationRequest request, Fund fund) {
        vn.vnn.fund.domain.Campaign campaign = vn.vnn.fund.domain.Campaign.findById(request.campaignId());
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
    private vn.vnn.fund.domain.Pledge pledge(DonationRequest request, Fund fund, Donor donor) {
        vn.vnn.fund.domain.Pledge pledge = entityManager.find(vn.vnn.fund.domain.Pledge.class, request.pledgeId(),
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

    @Transactional
    public String fundName(UUID fundId) {
        Fund fund = Fund.findById(fundId);
        return fund == null ? "Quỹ \"Vì người nghèo\"" : fund.name;
    }

    /** A donor's donations to the funds the caller reaches, newest first. */
    @Transactional
    public Page<DonationView> ofDonor(UUID donorId, PageRequest page) {
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

    /** A page of donations with their goods, read in one query rather than one per donation. */
    private List<DonationView> views(List<Donation> donations) {
        java.util.Map<UUID, List<DonationItem>> goods = new java.util.HashMap<>();
        List<UUID> inKind = donations.stream().filter(d -> d.kind == DonationKind.IN_KIND).map(d -> d.id).toList();
        if (!inKind.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT donation_id, name, quantity, unit, value_vnd FROM donation_item
                            WHERE donation_id = ANY(?1) ORDER BY donation_id, line""")
                    .setParameter(1, inKind.toArray(UUID[]::new)).getResultList();
            rows.forEach(r -> goods.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>())
                    .add(new DonationItem((String) r[1], (BigDecimal) r[2], (String) r[3],
                            ((Number) r[4]).longValue())));
        }
        return donations.stream().map(d -> DonationView.of(d, goods.getOrDefault(d.id, List.of()))).toList();
    }

    private List<DonationItem> items(UUID donationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT name, quantity, unit, value_vnd FROM donation_item WHERE donation_id = ?1
                        ORDER BY line""").setParameter(1, donationId).getResultList();
        return rows.stream().map(r -> new DonationItem((String) r[0], (BigDecimal) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    private static Account held(DonationKind kind) {
        return kind == DonationKind.CASH ? Account.CASH : Account.IN_KIND;
    }
}
