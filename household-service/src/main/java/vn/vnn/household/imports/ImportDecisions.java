package vn.vnn.household.imports;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.household.registry.MemberConflicts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.vnn.household.registry.HouseholdSurvey;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.registry.Household;
import vn.vnn.household.registry.HouseholdMember;
import vn.vnn.household.registry.MemberRules;
import vn.vnn.household.registry.Residence;
import vn.vnn.household.registry.Residences;
import vn.vnn.kit.upload.RowError;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.sql.CopyIn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The decision on each household of an import (nhập hộ hàng loạt): rejected with row-level errors, left as it is when
 * already registered, or registered. A household is all or nothing: one bad cell rejects it and never stops the others.
 * Each chunk is decided in its own transaction, together with the job's progress.
 */
@ApplicationScoped
public class ImportDecisions {

    private final Validator validator;
    private final AuditLog audit;
    private final MemberConflicts conflicts;
    private final EntityManager entityManager;
    private final ImportJobs jobs;
    private final ImportErrors errorReport;
    private final VietnamClock clock;
    private final Residences residences;
    private final CopyIn copy;

    ImportDecisions(Validator validator, AuditLog audit, MemberConflicts conflicts, EntityManager entityManager,
                    ImportJobs jobs, ImportErrors errorReport, VietnamClock clock, Residences residences, CopyIn copy) {
        this.residences = residences;
        this.copy = copy;
        this.validator = validator;
        this.audit = audit;
        this.conflicts = conflicts;
        this.entityManager = entityManager;
        this.jobs = jobs;
        this.errorReport = errorReport;
        this.clock = clock;
    }

    /**
     * Decides a chunk of households: rejects those with errors, leaves those already registered, creates the rest;
     * then moves the job's progress on, all in one transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(ImportRun run, List<HouseholdRows.Imported> chunk, int rowsDone) {
        Progress job = new Progress(run);
        LocalDate today = clock.today();
        Set<String> registered = registeredKeys(chunk);
        Map<String, Holder> holders = holders(chunk);
        Set<String> takenInFile = new HashSet<>();
        List<RowError> errors = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        List<Residence> residenceRows = new ArrayList<>();
        List<HouseholdMember> members = new ArrayList<>();
        List<HouseholdMember> waiting = new ArrayList<>();
        Map<UUID, String> audits = new java.util.LinkedHashMap<>();
        for (HouseholdRows.Imported imported : chunk) {
            // The area first: a household outside the uploader's areas is rejected with that alone, whether or not
            // it exists, whatever else is wrong with it.
            Optional<RowError> outside = outsideScope(run, imported, today);
            if (outside.isPresent()) {
                errors.add(outside.get());
                job.householdsRejected++;
                continue;
            }
            HouseholdSurvey request = imported.request();
            if (request != null && registered.contains(key(request.communeCode(), imported.ref()))) {
                job.householdsUnchanged++;
                continue;
            }
            List<RowError> problems = request == null ? imported.errors()
                    : check(run, imported, id -> takenInFile.contains(id)
                    || holders.containsKey(id) && holders.get(id).seenBy(run.readScope()));
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                job.householdsRejected++;
                continue;
            }
            AdminUnit commune = run.commune(request.communeCode(), today).orElseThrow();
            Household household = Household.newRegistration(commune.code, run.actor());
            household.applySurvey(request, commune, run.province(commune.code, today));
            household.headFrom(request.members());
            household.householdRef = imported.ref();
            households.add(household);
            residenceRows.add(residences.first(household, commune, request.residentSince(),
                    request.preReformCommuneCode(), run.actor()));
            for (HouseholdSurvey.Member member : request.members()) {
                HouseholdMember joining = HouseholdMember.joining(household.id, member, today);
                if (joining.citizenId != null && holders.containsKey(joining.citizenId)) {
                    // Held in a household the uploader may not see: taken as given, decided by that area.
                    joining.active = false;
                    joining.pending = true;
                    waiting.add(joining);
                }
                members.add(joining);
                if (joining.citizenId != null) {
                    takenInFile.add(joining.citizenId);
                }
            }
            audits.put(household.id, "import " + run.id() + ", household_ref " + imported.ref() + ", "
                    + request.members().size() + " member(s)");
            registered.add(key(commune.code, imported.ref()));
            job.householdsCreated++;
        }
        // Written with COPY, kind by kind (households first: the others refer to them).
        copy.insert(Household.class, households);
        copy.insert(Residence.class, residenceRows);
        copy.insert(HouseholdMember.class, members);
        for (HouseholdMember member : waiting) {
            conflicts.open(member, holders.get(member.citizenId).member(), run.actor());
        }
        audit.recordEach("HOUSEHOLD", "IMPORTED", run.actor(), audits);
        errorReport.add(run.id(), errors);
        jobs.advance(run.id(), job.householdsCreated, job.householdsUnchanged, job.householdsRejected, rowsDone);
        entityManager.flush();
        entityManager.clear();
    }

    /** The active holder of a citizen ID and where their household is. */
    private record Holder(HouseholdMember member, String communeCode, String provinceCode) {
        boolean seenBy(AreaScope readScope) {
            return readScope.covers(communeCode, provinceCode);
        }
    }

    /** The rejection of a household whose commune is unknown or outside the uploader's areas; empty otherwise. */
    private static Optional<RowError> outsideScope(ImportRun run, HouseholdRows.Imported imported, LocalDate today) {
        String code = imported.request() != null ? imported.request().communeCode() : imported.communeCode();
        int row = imported.rows().get(0);
        String column = ImportColumn.COMMUNE_CODE.header();
        if (code == null || code.isBlank()) {
            return imported.request() == null ? Optional.empty()
                    : Optional.of(new RowError(row, column, "is no commune in force today"));
        }
        Optional<AdminUnit> commune = run.commune(code, today);
        if (commune.isEmpty()) {
            return Optional.of(new RowError(row, column, "is no commune in force today"));
        }
        if (!run.covers(commune.get().code, run.province(commune.get().code, today))) {
            return Optional.of(new RowError(row, column, "is outside the areas granted to you"));
        }
        return Optional.empty();
    }

    /** What a chunk decided, counted before it is written to the job. */
    private static final class Progress {
        final ImportRun run;
        int householdsCreated;
        int householdsUnchanged;
        int householdsRejected;

        Progress(ImportRun run) {
            this.run = run;
        }
    }

    /** Rejects one household that could not be stored, with an error on its first row. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reject(ImportRun run, HouseholdRows.Imported household, int rowsDone, String reason) {
        errorReport.add(run.id(), List.of(new RowError(household.rows().get(0), null, reason)));
        jobs.advance(run.id(), 0, 0, 1, rowsDone);
    }

    /**
     * Everything wrong with one household (of the uploader's areas) beyond its cells: field rules, village and
     * citizen IDs; a citizen ID held elsewhere only where the uploader may see that household.
     */
    private List<RowError> check(ImportRun run, HouseholdRows.Imported imported,
                                 java.util.function.Predicate<String> visiblyTaken) {
        HouseholdSurvey request = imported.request();
        List<RowError> problems = new ArrayList<>();
        for (ConstraintViolation<HouseholdSurvey> violation : validator.validate(request)) {
            problems.add(imported.locate(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        LocalDate today = clock.today();
        AdminUnit commune = run.commune(request.communeCode(), today).orElseThrow();
        if (request.villageCode() != null && !commune.code.equals(run.villageParent(request.villageCode(), today))) {
            problems.add(new RowError(imported.rows().get(0), ImportColumn.VILLAGE_CODE.header(),
                    "is no village of the household's commune"));
        }
        residences.preReformProblem(commune, request.preReformCommuneCode()).ifPresent(problem -> problems.add(
                new RowError(imported.rows().get(0), ImportColumn.PRE_REFORM_COMMUNE_CODE.header(), problem)));
        for (Problem.FieldError error : MemberRules.problems(request.members(), true, visiblyTaken)) {
            problems.add(imported.locate(error.field(), error.message()));
        }
        problems.sort(java.util.Comparator.comparingInt(RowError::row));
        return problems;
    }

    private Set<String> registeredKeys(List<HouseholdRows.Imported> chunk) {
        List<HouseholdRows.Imported> readable = chunk.stream().filter(i -> i.request() != null
                && i.request().communeCode() != null).toList();
        Set<String> keys = new HashSet<>();
        if (readable.isEmpty()) {
            return keys;
        }
        keys.addAll(Household.registeredRefs(
                readable.stream().map(i -> i.request().communeCode()).distinct().toList(),
                readable.stream().map(HouseholdRows.Imported::ref).distinct().toList()));
        return keys;
    }

    /** The active holders of the citizen IDs the chunk gives, with their households' places. */
    private Map<String, Holder> holders(List<HouseholdRows.Imported> chunk) {
        List<String> ids = chunk.stream().filter(i -> i.request() != null)
                .flatMap(i -> i.request().members().stream()).map(HouseholdSurvey.Member::citizenId)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Holder> holders = new HashMap<>();
        if (ids.isEmpty()) {
            return holders;
        }
        Map<String, HouseholdMember> members = HouseholdMember.activeWithCitizenIds(ids);
        Map<UUID, Household> households = new HashMap<>();
        Household.<Household>list("id in ?1", members.values().stream().map(m -> m.householdId).distinct().toList())
                .forEach(h -> households.put(h.id, h));
        members.forEach((id, member) -> {
            Household household = households.get(member.householdId);
            holders.put(id, new Holder(member, household.communeCode, household.provinceCode));
        });
        return holders;
    }

    private static String key(String commune, String ref) {
        return Household.refKey(commune, ref);
    }
}
