package vn.vnn.household.standards;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.kit.persistence.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Poverty standards as data: read by everyone, maintained by admins, every change audited. */
@ApplicationScoped
public class PovertyStandardService {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Caller caller;
    private final VietnamClock clock;

    PovertyStandardService(EntityManager entityManager, ObjectMapper objectMapper, Caller caller, VietnamClock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.caller = caller;
    }

    @Transactional
    public Optional<StandardRules> rulesOn(LocalDate date) {
        return PovertyStandard.applyingOn(date).map(PovertyStandard::rules);
    }

    /** The rules of the standard of this code; a 422 on {@code standardCode} naming no standard. */
    @Transactional
    public StandardRules rules(String code) {
        PovertyStandard standard = code == null ? null : PovertyStandard.findById(code);
        if (standard == null) {
            throw ProblemException.invalid("standardCode", "is no poverty standard");
        }
        return standard.rules();
    }

    @Transactional
    public List<PovertyStandard> list() {
        return PovertyStandard.<PovertyStandard>list("order by validFrom");
    }

    @Transactional
    public PovertyStandard get(String code) {
        return find(code);
    }

    @Transactional
    public PovertyStandard create(StandardDefinition request) {
        lockStandards();
        if (PovertyStandard.findById(request.code()) != null) {
            throw ProblemException.conflict("Standard " + request.code() + " already exists");
        }
        PovertyStandard standard = new PovertyStandard();
        standard.code = request.code();
        apply(standard, request);
        standard.persist();
        audit(standard, "CREATED");
        return standard;
    }

    @Transactional
    public PovertyStandard update(String code, StandardDefinition request) {
        lockStandards();
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must be the code in the path; codes never change");
        }
        PovertyStandard standard = find(code);
        Versions.requireGivenAndUnchanged("Standard", code, standard.version, request.version(), "version");
        apply(standard, request);
        entityManager.flush();
        audit(standard, "UPDATED");
        return standard;
    }

    private void apply(PovertyStandard standard, StandardDefinition request) {
        if (request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        checkBand("ruralUpperBandVnd", request.ruralUpperBandVnd(), request.ruralIncomeLineVnd());
        checkBand("urbanUpperBandVnd", request.urbanUpperBandVnd(), request.urbanIncomeLineVnd());
        List<PovertyStandard> overlapping = PovertyStandard.overlapping(request.validFrom(), request.validTo(),
                request.code());
        if (!overlapping.isEmpty()) {
            throw ProblemException.invalid("validFrom", "overlaps " + overlapping.get(0).code + " ("
                    + overlapping.get(0).validFrom + " … " + overlapping.get(0).validTo + "); one date, one standard");
        }
        standard.name = request.name();
        standard.legalBasis = request.legalBasis();
        standard.validFrom = request.validFrom();
        standard.validTo = request.validTo();
        standard.ruralIncomeLineVnd = request.ruralIncomeLineVnd();
        standard.urbanIncomeLineVnd = request.urbanIncomeLineVnd();
        standard.ruralUpperBandVnd = request.ruralUpperBandVnd();
        standard.urbanUpperBandVnd = request.urbanUpperBandVnd();
        standard.ruralScoreThreshold = request.ruralScoreThreshold();
        standard.urbanScoreThreshold = request.urbanScoreThreshold();
        if (request.thresholds() != null) {
            if (request.thresholds().educationToAge() < request.thresholds().educationFromAge()) {
                throw ProblemException.invalid("thresholds.educationToAge", "is below educationFromAge");
            }
            if (request.thresholds().schoolUnderAge() <= request.thresholds().schoolFromAge()) {
                throw ProblemException.invalid("thresholds.schoolUnderAge", "is not above schoolFromAge");
            }
            standard.thresholds(request.thresholds());
        }
        standard.minDeprivationsForPoor = request.minDeprivationsForPoor();
        standard.pointsPerDeprivation = request.pointsPerDeprivation();
        standard.indicators = new HashSet<>(request.indicators());
        standard.updatedBy = caller.actor();
        standard.updatedAt = clock.now();
    }

    private static void checkBand(String field, Long band, long line) {
        if (band != null && band <= line) {
            throw ProblemException.invalid(field, "must be above the income line");
        }
    }

    /** Serialises admin edits, so that two overlapping standards can never be saved side by side. */
    private void lockStandards() {
        entityManager.createNativeQuery("LOCK TABLE poverty_standard IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    }

    private void audit(PovertyStandard standard, String action) {
        String snapshot;
        try {
            snapshot = objectMapper.writeValueAsString(standard.snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO poverty_standard_audit (id, standard_code, action, changed_by, changed_at, snapshot)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, Ids.newId()).setParameter(2, standard.code).setParameter(3, action)
                .setParameter(4, caller.actor()).setParameter(5, clock.now()).setParameter(6, snapshot)
                .executeUpdate();
    }

    private static PovertyStandard find(String code) {
        PovertyStandard standard = PovertyStandard.findById(code);
        if (standard == null) {
            throw ProblemException.notFound("Poverty standard", code);
        }
        return standard;
    }
}
