package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.fund.api.DonationRequest;
import vn.vnn.fund.api.DonorUpdate;
import vn.vnn.fund.api.DonorView;
import vn.vnn.fund.domain.Donor;
import vn.vnn.fund.domain.DonorRules;
import vn.vnn.fund.domain.DonorType;
import vn.vnn.fund.domain.OrganisationKind;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Donors (nhà tài trợ): who they are, how to reach them, what they gave. */
@ApplicationScoped
public class DonorService {

    private final Caller caller;
    private final FundAudit audit;
    private final EntityManager entityManager;

    DonorService(Caller caller, FundAudit audit, EntityManager entityManager) {
        this.caller = caller;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /** The donor a donation names: by tax code when given, else by name and type; a new donor otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Donor findOrCreate(DonationRequest.Donor ref, String actor) {
        OrganisationKind kind = ref.type() == DonorType.ORGANISATION && ref.organisationKind() == null
                ? OrganisationKind.OTHER : ref.organisationKind();
        boolean overseas = Boolean.TRUE.equals(ref.overseas());
        DonorRules.problem(ref.type(), kind, overseas, ref.country(), ref.taxCode()).ifPresent(problem -> {
            throw ProblemException.invalid("donor." + problem[0], problem[1]);
        });
        var known = ref.taxCode() != null ? Donor.findByTaxCode(ref.taxCode())
                : Donor.findByNameAndType(ref.name(), ref.type());
        if (known.isPresent()) {
            return known.get();
        }
        // Two officers may record the same new donor at once: the second insert waits for the first and then
        // finds its row instead of failing on the unique index.
        UUID id = vn.vnn.kit.Ids.newId();
        String conflict = ref.taxCode() != null ? "(tax_code) WHERE tax_code IS NOT NULL"
                : "(lower(name), donor_type) WHERE tax_code IS NULL";
        @SuppressWarnings("unchecked")
        List<Object> inserted = entityManager.createNativeQuery("""
                        INSERT INTO donor (id, name, donor_type, organisation_kind, overseas, country, tax_code, phone,
                                           email, address, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, now())
                        ON CONFLICT %s DO NOTHING RETURNING id""".formatted(conflict))
                .setParameter(1, id).setParameter(2, ref.name().strip()).setParameter(3, ref.type().name())
                .setParameter(4, kind == null ? null : kind.name()).setParameter(5, overseas)
                .setParameter(6, ref.country()).setParameter(7, ref.taxCode()).setParameter(8, ref.phone())
                .setParameter(9, ref.email()).setParameter(10, ref.address()).getResultList();
        if (inserted.isEmpty()) {
            return (ref.taxCode() != null ? Donor.findByTaxCode(ref.taxCode())
                    : Donor.findByNameAndType(ref.name(), ref.type())).orElseThrow();
        }
        audit.record("DONOR", id, "CREATED", actor, ref.type() + " " + ref.name().strip());
        return Donor.findById(id);
    }

    @Transactional
    public DonorView update(UUID id, DonorUpdate update) {
        Donor donor = find(id);
        if (donor.version != update.version()) {
            throw ProblemException.conflict("Donor " + id + " changed meanwhile; reload it and try again");
        }
        OrganisationKind kind = donor.type == DonorType.ORGANISATION && update.organisationKind() == null
                ? OrganisationKind.OTHER : update.organisationKind();
        boolean overseas = Boolean.TRUE.equals(update.overseas());
        DonorRules.problem(donor.type, kind, overseas, update.country(), update.taxCode()).ifPresent(problem -> {
            throw ProblemException.invalid(problem[0], problem[1]);
        });
        if (update.taxCode() != null && Donor.findByTaxCode(update.taxCode()).filter(d -> !d.id.equals(id))
                .isPresent()) {
            throw ProblemException.conflict("Another donor has tax code " + update.taxCode());
        }
        donor.name = update.name().strip();
        donor.organisationKind = kind;
        donor.overseas = overseas;
        donor.country = update.country();
        donor.taxCode = update.taxCode();
        donor.phone = update.phone();
        donor.email = update.email();
        donor.address = update.address();
        donor.updatedBy = caller.actor();
        donor.updatedAt = OffsetDateTime.now();
        audit.record("DONOR", donor.id, "UPDATED", caller.actor(), "description and contact data");
        entityManager.flush();
        return DonorView.of(donor, totals(List.of(donor.id)).getOrDefault(donor.id, DonorView.Totals.NONE),
                seesContactData());
    }

    @Transactional
    public DonorView get(UUID id) {
        Donor donor = find(id);
        return DonorView.of(donor, totals(List.of(id)).getOrDefault(id, DonorView.Totals.NONE), seesContactData());
    }

    /** Donors by part of the name, type or organisation kind, alphabetically. */
    @Transactional
    public Page<DonorView> list(String name, DonorType type, OrganisationKind kind, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (name != null && !name.isBlank()) {
            where.append(" and lower(name) like :name");
            params.put("name", "%" + name.strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        if (kind != null) {
            where.append(" and organisationKind = :kind");
            params.put("kind", kind);
        }
        long total = Donor.count(where.toString(), params);
        List<Donor> donors = Donor.<Donor>find(where + " order by lower(name), id", params)
                .page(page.page(), page.size()).list();
        Map<UUID, DonorView.Totals> totals = totals(donors.stream().map(d -> d.id).toList());
        boolean full = seesContactData();
        return Page.of(donors.stream().map(d -> DonorView.of(d, totals.getOrDefault(d.id, DonorView.Totals.NONE),
                full)).toList(), page, total);
    }

    private Map<UUID, DonorView.Totals> totals(List<UUID> donors) {
        Map<UUID, DonorView.Totals> totals = new HashMap<>();
        if (donors.isEmpty()) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT donor_id, count(*), sum(amount_vnd), min(received_on), max(received_on)
                        FROM donation WHERE status = 'ACCEPTED' AND donor_id = ANY(?1) GROUP BY donor_id""")
                .setParameter(1, donors.toArray(UUID[]::new)).getResultList();
        rows.forEach(r -> totals.put((UUID) r[0], new DonorView.Totals(((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), date(r[3]), date(r[4]))));
        return totals;
    }

    /** Fund officers and admins work with donors' contact data; auditors see them masked. */
    private boolean seesContactData() {
        return caller.hasRole(Roles.FUND_OFFICER) || caller.hasRole(Roles.ADMIN);
    }

    private static Donor find(UUID id) {
        Donor donor = Donor.findById(id);
        if (donor == null) {
            throw ProblemException.notFound("Donor", id);
        }
        return donor;
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
