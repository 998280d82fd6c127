package vn.vnn.fund.donors;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.kit.persistence.Versions;

import vn.vnn.fund.funds.FundScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.PersonalData;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.text.Names;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Donors (nhà tài trợ): who they are, how to reach them, what they gave. A caller bound to areas sees a donor only
 * through the funds of those areas: the donors who gave or pledged to them, with totals and history of those funds
 * alone; what the donor gave elsewhere, anonymously or not, stays out of sight.
 */
@ApplicationScoped
public class DonorService {

    private final Caller caller;
    private final FundScope scope;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final DonorGiving giving;
    private final VietnamClock clock;

    DonorService(Caller caller, FundScope scope, AuditLog audit, EntityManager entityManager, DonorGiving giving, VietnamClock clock) {
        this.clock = clock;
        this.giving = giving;
        this.caller = caller;
        this.scope = scope;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /**
     * The donor a donation or pledge names: a known donor chosen by {@code donorId} (one the caller sees), else the
     * donor {@code ref} describes (see {@link DonorRef}), created when new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Donor resolve(UUID donorId, DonorRef ref, String actor) {
        if (donorId != null && ref != null) {
            throw ProblemException.invalid("donorId", "give either donorId or donor, not both");
        }
        if (donorId != null) {
            return Optional.ofNullable(Donor.<Donor>findById(donorId)).filter(this::visible)
                    .orElseThrow(() -> ProblemException.invalid("donorId", "is no donor of the funds you work on"));
        }
        if (ref == null) {
            throw ProblemException.invalid("donor", "say who gave, or name a known donor by donorId");
        }
        return findOrCreate(ref, actor);
    }

    /** The donor {@code ref} describes; a new donor when none is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Donor findOrCreate(DonorRef ref, String actor) {
        OrganisationKind kind = ref.type() == DonorType.ORGANISATION && ref.organisationKind() == null
                ? OrganisationKind.OTHER : ref.organisationKind();
        boolean overseas = Boolean.TRUE.equals(ref.overseas());
        DonorRules.problem(ref.type(), kind, overseas, ref.country(), ref.taxCode(), ref.citizenId())
                .ifPresent(problem -> {
                    throw ProblemException.invalid("donor." + problem[0], problem[1]);
                });
        String name = Names.normalise(ref.name());
        DonorIdentity identity = DonorIdentity.of(ref.type(), ref.taxCode(), ref.citizenId(), ref.phone(),
                ref.email(), name);
        if (identity.lockKey() != null) {
            // Phones and e-mails are not unique in the table: two officers recording the same new person at once
            // take turns, so the second finds the first's row.
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, identity.lockKey()).getSingleResult();
        }
        Optional<Donor> known = find(identity);
        if (known.isPresent()) {
            return known.get();
        }
        UUID id = vn.vnn.kit.Ids.newId();
        @SuppressWarnings("unchecked")
        List<Object> inserted = entityManager.createNativeQuery("""
                        INSERT INTO donor (id, name, donor_type, organisation_kind, overseas, country, tax_code, phone,
                                           email, address, citizen_id, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, now())
                        ON CONFLICT DO NOTHING RETURNING id""")
                .setParameter(1, id).setParameter(2, name).setParameter(3, ref.type().name())
                .setParameter(4, kind == null ? null : kind.name()).setParameter(5, overseas)
                .setParameter(6, ref.country()).setParameter(7, ref.taxCode()).setParameter(8, ref.phone())
                .setParameter(9, ref.email()).setParameter(10, ref.address()).setParameter(11, ref.citizenId())
                .getResultList();
        if (inserted.isEmpty()) {
            // Another transaction inserted the same tax code, citizen ID or organisation name meanwhile.
            return find(identity).orElseThrow(() -> ProblemException.conflict(
                    "The donor was being recorded by someone else; try again"));
        }
        audit.record("DONOR", id, "CREATED", actor, ref.type() + " donor");
        return Donor.findById(id);
    }

    private static Optional<Donor> find(DonorIdentity identity) {
        return switch (identity.by()) {
            case TAX_CODE -> Donor.findByTaxCode(identity.value());
            case CITIZEN_ID -> Donor.findByCitizenId(identity.value());
            case PHONE -> Donor.findIndividualByPhone(identity.value());
            case EMAIL -> Donor.findIndividualByEmail(identity.value());
            case ORGANISATION_NAME -> Donor.findOrganisationByName(identity.value());
            case NONE -> Optional.empty();
        };
    }

    @Transactional
    public DonorRecord update(UUID id, DonorUpdate update) {
        Donor donor = find(id);
        if (!scope.areas().national() && givenOutsideReach(donor.id)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This donor has also given to funds outside the "
                    + "areas you work in; the change is for an officer who reaches all of them");
        }
        Versions.requireUnchanged("Donor", id, donor.version, update.version());
        OrganisationKind kind = donor.type == DonorType.ORGANISATION && update.organisationKind() == null
                ? OrganisationKind.OTHER : update.organisationKind();
        boolean overseas = Boolean.TRUE.equals(update.overseas());
        DonorRules.problem(donor.type, kind, overseas, update.country(), update.taxCode(), update.citizenId())
                .ifPresent(problem -> {
                    throw ProblemException.invalid(problem[0], problem[1]);
                });
        if (update.taxCode() != null && Donor.findByTaxCode(update.taxCode()).filter(d -> !d.id.equals(id))
                .isPresent()) {
            throw ProblemException.conflict("Another donor has this tax code");
        }
        if (update.citizenId() != null && Donor.findByCitizenId(update.citizenId()).filter(d -> !d.id.equals(id))
                .isPresent()) {
            throw ProblemException.conflict("Another donor has this citizen ID");
        }
        String name = Names.normalise(update.name());
        if (donor.type == DonorType.ORGANISATION && update.taxCode() == null && Donor.findOrganisationByName(name)
                .filter(d -> !d.id.equals(id)).isPresent()) {
            throw ProblemException.conflict("Another organisation without a tax code has this name");
        }
        String before = donor.name;
        Map<String, Object> was = snapshot(donor);
        donor.name = name;
        donor.organisationKind = kind;
        donor.overseas = overseas;
        donor.country = update.country();
        donor.taxCode = update.taxCode();
        donor.phone = update.phone();
        donor.email = update.email();
        donor.address = update.address();
        donor.citizenId = update.citizenId();
        donor.updatedBy = caller.actor();
        donor.updatedAt = clock.now();
        audit.change("DONOR", donor.id, "UPDATED", caller.actor(), before.equals(name)
                ? "description and contact data" : "renamed; description and contact data", was, snapshot(donor));
        entityManager.flush();
        return view(donor);
    }

    @Transactional
    public DonorRecord get(UUID id) {
        return view(find(id));
    }

    /** The donor, if the caller sees them (404 otherwise); for reading their history. */
    @Transactional
    public Donor visibleDonor(UUID id) {
        return find(id);
    }

    /** Donors by part of the name, type or organisation kind, alphabetically, among those the caller sees. */
    @Transactional
    public Page<DonorRecord> list(String name, DonorType type, OrganisationKind kind, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (name != null && !name.isBlank()) {
            where.append(" and lower(o.name) like :name");
            params.put("name", "%" + Names.normalise(name).toLowerCase(Locale.ROOT) + "%");
        }
        if (type != null) {
            where.append(" and o.type = :type");
            params.put("type", type);
        }
        if (kind != null) {
            where.append(" and o.organisationKind = :kind");
            params.put("kind", kind);
        }
        AreaScope reach = scope.areas();
        if (!reach.national()) {
            where.append(" and ").append(throughReachedFunds());
            reach.bind(params);
        }
        long total = Donor.count("from Donor o where " + where, params);
        List<Donor> donors = Donor.<Donor>find("from Donor o where " + where + " order by lower(o.name), o.id",
                params).page(page.page(), page.size()).list();
        Map<UUID, DonorGifts> gifts = giving.gifts(donors.stream().map(d -> d.id).toList(), scope.areaArray());
        boolean full = seesContactData();
        if (full) {
            audit.personalDataRead("DONOR", donors.stream().map(d -> d.id).toList(), caller.actor(),
                    "contact data, citizen ID");
        }
        return Page.of(donors.stream().map(d -> new DonorRecord(d, gifts.getOrDefault(d.id, DonorGifts.NONE), full))
                .toList(), page, total);
    }

    private DonorRecord view(Donor donor) {
        boolean full = seesContactData();
        if (full) {
            audit.personalDataRead("DONOR", List.of(donor.id), caller.actor(), "contact data, citizen ID");
        }
        return new DonorRecord(donor, giving.gifts(List.of(donor.id), scope.areaArray())
                .getOrDefault(donor.id, DonorGifts.NONE), full);
    }

    /** The donor as the audit trail keeps it: contact data and citizen ID masked. */
    private static Map<String, Object> snapshot(Donor d) {
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("name", d.name);
        snapshot.put("organisationKind", d.organisationKind);
        snapshot.put("overseas", d.overseas);
        snapshot.put("country", d.country);
        snapshot.put("taxCode", d.taxCode);
        snapshot.put("phone", PersonalData.maskPhone(d.phone));
        snapshot.put("email", PersonalData.maskEmail(d.email));
        snapshot.put("address", PersonalData.maskAddress(d.address));
        snapshot.put("citizenId", PersonalData.maskCitizenId(d.citizenId));
        snapshot.put("version", d.version);
        return snapshot;
    }

    /** Whether the caller sees this donor: national reach, or a gift or pledge to a fund of their areas. */
    private boolean visible(Donor donor) {
        AreaScope reach = scope.areas();
        if (reach.national()) {
            return true;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", donor.id);
        reach.bind(params);
        return Donor.count("from Donor o where o.id = :id and " + throughReachedFunds(), params) > 0;
    }

    /** JPQL: the donor {@code o} gave or pledged to a fund the caller reaches (":scope" bound by the scope). */
    private String throughReachedFunds() {
        return "(exists (select 1 from Donation d where d.donor = o and " + scope.condition("d.fundId")
                + ") or exists (select 1 from Pledge p where p.donorId = o.id and " + scope.condition("p.fundId")
                + "))";
    }

    private boolean givenOutsideReach(UUID donorId) {
        return giving.givenOutside(donorId, scope.areas().sqlArray());
    }

    /** Fund officers and admins work with donors' contact data; approvers and auditors see them masked. */
    private boolean seesContactData() {
        return caller.hasRole(Roles.FUND_OFFICER) || caller.hasRole(Roles.ADMIN);
    }

    private Donor find(UUID id) {
        Donor donor = Donor.findById(id);
        if (donor == null || !visible(donor)) {
            throw ProblemException.notFound("Donor", id);
        }
        return donor;
    }
}
