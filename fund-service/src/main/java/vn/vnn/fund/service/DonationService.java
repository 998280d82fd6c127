package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.fund.api.DonationRequest;
import vn.vnn.fund.api.DonationView;
import vn.vnn.fund.domain.Donation;
import vn.vnn.fund.domain.Donor;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Recording donations: the donation, its donor and its event commit together or not at all. */
@ApplicationScoped
public class DonationService {

    /** The name shown for donors who asked not to be named (nhà hảo tâm ẩn danh). */
    public static final String ANONYMOUS_NAME = "Nhà hảo tâm ẩn danh";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Outbox outbox;

    DonationService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public DonationView record(DonationRequest request, String actor) {
        if (request.receivedOn().isAfter(LocalDate.now(VIETNAM))) {
            throw ProblemException.invalid("receivedOn", "must not be in the future");
        }
        Donor donor = Donor.findByNameAndType(request.donor().name(), request.donor().type())
                .orElseGet(() -> {
                    Donor created = Donor.create(request.donor().name(), request.donor().type());
                    created.persist();
                    return created;
                });
        Donation donation = new Donation();
        donation.id = Ids.newId();
        donation.donor = donor;
        donation.kind = request.kind();
        donation.amountVnd = request.amountVnd();
        donation.receivedOn = request.receivedOn();
        donation.fundAreaCode = request.fundAreaCode();
        donation.anonymous = Boolean.TRUE.equals(request.anonymous());
        donation.note = request.note();
        donation.recordedBy = actor;
        donation.recordedAt = OffsetDateTime.now();
        donation.persist();

        outbox.publish("donation", donation.id.toString(), new DonationReceivedV1(
                donation.id.toString(), donor.id.toString(),
                donation.anonymous ? ANONYMOUS_NAME : donor.name, donor.type.name(), donation.anonymous,
                donation.kind.name(), donation.amountVnd, donation.receivedOn, donation.fundAreaCode, null, null,
                actor));
        return DonationView.of(donation);
    }

    @Transactional
    public DonationView get(UUID id) {
        Donation donation = Donation.findById(id);
        if (donation == null) {
            throw ProblemException.notFound("Donation", id);
        }
        return DonationView.of(donation);
    }

    @Transactional
    public Page<DonationView> list(PageRequest page) {
        long total = Donation.count();
        var items = Donation.<Donation>find("from Donation d join fetch d.donor order by d.receivedOn desc, d.id desc")
                .page(page.page(), page.size()).list().stream().map(DonationView::of).toList();
        return Page.of(items, page, total);
    }
}
