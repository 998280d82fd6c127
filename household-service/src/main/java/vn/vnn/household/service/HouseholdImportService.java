package vn.vnn.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.Session;
import vn.vnn.household.api.HouseholdRequest;
import vn.vnn.household.api.ImportJobView;
import vn.vnn.household.domain.AdminLevel;
import vn.vnn.household.domain.AdminUnit;
import vn.vnn.household.domain.Household;
import vn.vnn.household.domain.HouseholdImport;
import vn.vnn.household.domain.HouseholdMember;
import vn.vnn.household.domain.HouseholdRows;
import vn.vnn.household.domain.ImportColumn;
import vn.vnn.household.domain.MemberRules;
import vn.vnn.household.domain.RowError;
import vn.vnn.household.domain.TabularFile;
import vn.vnn.kit.Ids;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.upload.UploadedFile;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * Bulk import of households (nhập hộ hàng loạt): the upload is checked and queued in the request; the
 * {@link HouseholdImportWorker} then decides household after household in chunks, each chunk in its own transaction,
 * so that progress is visible and a restarted service resumes where it stopped. A household is all or nothing: one bad
 * cell rejects it with a row-level error and never stops the others.
 */
@ApplicationScoped
public class HouseholdImportService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Fired when an upload has been queued; the worker starts once the transaction has committed. */
    public record Queued(UUID importId) {
    }

    /** The roles that read households (HouseholdResource): what an uploader may be told about existing ones. */
    private static final Set<String> HOUSEHOLD_READERS = Set.of(Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN,
            Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR);

    private final Caller caller;
    private final Validator validator;
    private final AuditLog audit;
    private final MemberConflicts conflicts;
    private final EntityManager entityManager;
    private final jakarta.enterprise.event.Event<Queued> queued;
    private final int partnerImportsPerHour;

    HouseholdImportService(Caller caller, Validator validator, AuditLog audit, MemberConflicts conflicts,
                           EntityManager entityManager, jakarta.enterprise.event.Event<Queued> queued,
                           @org.eclipse.microprofile.config.inject.ConfigProperty(
                                   name = "vnn.import.partner-imports-per-hour", defaultValue = "30")
                           int partnerImportsPerHour) {
        this.caller = caller;
        this.validator = validator;
        this.audit = audit;
        this.conflicts = conflicts;
        this.entityManager = entityManager;
        this.queued = queued;
        this.partnerImportsPerHour = partnerImportsPerHour;
    }

    /**
     * Checks that the file can be read and has the template's columns, then queues it. A partner client may queue a
     * limited number of imports an hour; every upload is audited.
     */
    @Transactional
    public ImportJobView submit(TabularFile.Format format, String fileName, UploadedFile content) {
        AreaScope scope = caller.scope();
        if (scope.nothing()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "No area has been granted to you for imports");
        }
        if (caller.hasRole(Roles.PARTNER)) {
            limitPartner(caller.actor());
        }
        return submitAs(caller.actor(), scope, caller.scopeFor(HOUSEHOLD_READERS), format, fileName, content);
    }

    /** At most {@code vnn.import.partner-imports-per-hour} uploads by one partner client in any hour (429). */
    private void limitPartner(String actor) {
        // One upload of the client at a time passes the count, so that two at once cannot both slip under it.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "household-import-limit:" + actor).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> recent = entityManager.createNativeQuery("""
                        SELECT submitted_at FROM household_import
                        WHERE submitted_by = ?1 AND submitted_at > now() - interval '1 hour'
                        ORDER BY submitted_at""").setParameter(1, actor).getResultList();
        if (recent.size() >= partnerImportsPerHour) {
            OffsetDateTime oldest = vn.vnn.kit.sql.NativeValues.offsetDateTime(
                    recent.get(recent.size() - partnerImportsPerHour));
            long wait = java.time.Duration.between(OffsetDateTime.now(), oldest.plusHours(1)).toSeconds() + 1;
            throw ProblemException.tooManyRequests("At most " + partnerImportsPerHour
                    + " imports an hour for a partner client; try again later", wait);
        }
    }

    /**
     * Queues a file on behalf of {@code actor}: {@code scope} is where they may write households, {@code readScope}
     * which existing households they may be told about. For the caller's uploads and for demo data.
     */
    @Transactional
    public ImportJobView submitAs(String actor, AreaScope scope, AreaScope readScope, TabularFile.Format format,
                                  String fileName, UploadedFile content) {
        if (content == null || content.isEmpty()) {
            throw ProblemException.invalid("file", "is empty; download the template and fill it in");
        }
        List<String> header;
        try {
            header = TabularFile.header(format, content.path());
        } catch (TabularFile.UnreadableFile e) {
            throw ProblemException.invalid("file", e.getMessage());
        }
        List<RowError> problems = HouseholdRows.headerProblems(header);
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The file's header row does not match the template",
                    problems.stream().map(p -> new Problem.FieldError(
                            p.column() == null ? "header" : "header." + p.column(), p.message())).toList());
        }
        HouseholdImport job = new HouseholdImport();
        job.id = Ids.newId();
        job.status = HouseholdImport.Status.QUEUED;
        job.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        job.format = format;
        job.store(content.path());
        job.contentSha256 = content.sha256();
        job.submittedBy = actor;
        job.scopeUnrestricted = scope.national();
        job.scopeAreaCodes = String.join(",", scope.areas());
        job.readScope = readScope.encode();
        job.submittedAt = OffsetDateTime.now();
        job.persist();
        audit.record("HOUSEHOLD_IMPORT", job.id, "IMPORT_SUBMITTED", actor, job.format + " file of "
                + content.size() + " bytes, sha256 " + job.contentSha256 + ", scope " + scope.encode());
        queued.fire(new Queued(job.id));
        return ImportJobView.of(job, 0);
    }

    @Transactional
    public ImportJobView get(UUID id) {
        HouseholdImport job = visible(id);
        return ImportJobView.of(job, errorCount(id));
    }

    /** The caller's own imports, newest first; an admin sees everyone's. */
    @Transactional
    public Page<ImportJobView> list(PageRequest page) {
        boolean all = caller.hasRole(Roles.ADMIN);
        String query = all ? "from HouseholdImport" : "from HouseholdImport where submittedBy = ?1";
        Object[] params = all ? new Object[0] : new Object[] {caller.actor()};
        long total = HouseholdImport.count(query, params);
        List<ImportJobView> items = HouseholdImport.<HouseholdImport>find(query + " order by submittedAt desc, id",
                        params).page(page.page(), page.size()).list().stream()
                .map(job -> ImportJobView.of(job, errorCount(job.id))).toList();
        return Page.of(items, page, total);
    }

    /** The error report, in file order. */
    @Transactional
    public Page<RowError> errors(UUID id, PageRequest page) {
        visible(id);
        List<RowError> items = errorRows(id, page.size(), page.offset());
        return Page.of(items, page, errorCount(id));
    }

    @Transactional
    public List<RowError> allErrors(UUID id) {
        visible(id);
        return errorRows(id, Integer.MAX_VALUE, 0);
    }

    // ---- the worker's steps, each its own transaction ----

    /** Takes the oldest queued import, or one whose worker stopped beating; empty when there is none. */
    static final int MAX_ATTEMPTS = 3;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> claimNext() {
        // A job whose worker stopped beating MAX_ATTEMPTS times (the process died on it) is not taken again: a file
        // that kills the service must not do so in a loop.
        entityManager.createNativeQuery("""
                        UPDATE household_import SET status = 'FAILED', finished_at = now(), version = version + 1,
                               failure = 'stopped: the service stopped while importing this file ' || attempts
                                         || ' times; split the file or contact the administrator'
                        WHERE status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes'
                          AND attempts >= ?1""").setParameter(1, MAX_ATTEMPTS).executeUpdate();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        UPDATE household_import SET status = 'RUNNING', started_at = coalesce(started_at, now()),
                               heartbeat_at = now(), version = version + 1, attempts = attempts + 1
                        WHERE id = (SELECT id FROM household_import
                                    WHERE status = 'QUEUED'
                                       OR (status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes')
                                    ORDER BY submitted_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id""", UUID.class).getResultList();
        return ids.stream().findFirst();
    }

    /** What the worker needs to run the job: the file and the uploader's scope; counts the rows the first time. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportRun open(UUID id) {
        HouseholdImport job = HouseholdImport.findById(id);
        if (job.rowsTotal == null) {
            int[] rows = {0};
            try (java.io.InputStream file = job.file()) {
                TabularFile.read(job.format, file, (row, cells) -> rows[0]++);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            job.rowsTotal = Math.max(0, rows[0] - 1);
        }
        return new ImportRun(job.id, job.format, job.content, job.submittedBy, job.rowsDone, job.scopeUnrestricted,
                job.areaCodes(), AreaScope.decode(job.readScope));
    }


    /**
     * Decides a chunk of households: rejects those with errors, leaves those already registered, creates the rest;
     * then moves the job's progress on, all in one transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(ImportRun run, List<HouseholdRows.Imported> chunk, int rowsDone) {
        Progress job = new Progress(run);
        LocalDate today = LocalDate.now(VIETNAM);
        Set<String> registered = registeredKeys(chunk);
        Map<String, Holder> holders = holders(chunk);
        Set<String> takenInFile = new HashSet<>();
        List<RowError> errors = new ArrayList<>();
        List<Household> households = new ArrayList<>();
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
            HouseholdRequest request = imported.request();
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
            for (HouseholdRequest.Member member : request.members()) {
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
        // Persisted kind by kind so that Hibernate sends each kind in JDBC batches.
        households.forEach(h -> h.persist());
        entityManager.flush();
        members.forEach(m -> m.persist());
        entityManager.flush();
        for (HouseholdMember member : waiting) {
            conflicts.open(member, holders.get(member.citizenId).member(), run.actor());
        }
        audit.recordEach("HOUSEHOLD", "IMPORTED", run.actor(), audits);
        insertErrors(run.id(), errors);
        advance(run.id(), job.householdsCreated, job.householdsUnchanged, job.householdsRejected, rowsDone);
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

    /**
     * Moves the job's counters on without loading its row (whose file may be megabytes); the row's version is bumped
     * so that a progress read never sees a torn state.
     */
    private void advance(UUID id, int created, int unchanged, int rejected, int rowsDone) {
        entityManager.createNativeQuery("""
                        UPDATE household_import SET households_created = households_created + ?2,
                               households_unchanged = households_unchanged + ?3,
                               households_rejected = households_rejected + ?4, rows_done = ?5, heartbeat_at = now(),
                               version = version + 1
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, created).setParameter(3, unchanged).setParameter(4, rejected)
                .setParameter(5, rowsDone).executeUpdate();
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
        insertErrors(run.id(), List.of(new RowError(household.rows().get(0), null, reason)));
        advance(run.id(), 0, 0, 1, rowsDone);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UUID id) {
        HouseholdImport job = HouseholdImport.findById(id);
        job.status = HouseholdImport.Status.COMPLETED;
        job.finishedAt = OffsetDateTime.now();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID id, String reason) {
        HouseholdImport job = HouseholdImport.findById(id);
        job.status = HouseholdImport.Status.FAILED;
        job.failure = reason;
        job.finishedAt = OffsetDateTime.now();
    }

    /**
     * Everything wrong with one household (of the uploader's areas) beyond its cells: field rules, village and
     * citizen IDs; a citizen ID held elsewhere only where the uploader may see that household.
     */
    private List<RowError> check(ImportRun run, HouseholdRows.Imported imported,
                                 java.util.function.Predicate<String> visiblyTaken) {
        HouseholdRequest request = imported.request();
        List<RowError> problems = new ArrayList<>();
        for (ConstraintViolation<HouseholdRequest> violation : validator.validate(request)) {
            problems.add(imported.locate(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        LocalDate today = LocalDate.now(VIETNAM);
        AdminUnit commune = run.commune(request.communeCode(), today).orElseThrow();
        if (request.villageCode() != null && !commune.code.equals(run.villageParent(request.villageCode(), today))) {
            problems.add(new RowError(imported.rows().get(0), ImportColumn.VILLAGE_CODE.header(),
                    "is no village of the household's commune"));
        }
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
        // both columns constrained, so that the (commune_code, household_ref) index answers
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT commune_code, household_ref FROM household
                        WHERE commune_code = ANY(?1) AND household_ref = ANY(?2)""")
                .setParameter(1, readable.stream().map(i -> i.request().communeCode()).distinct()
                        .toArray(String[]::new))
                .setParameter(2, readable.stream().map(HouseholdRows.Imported::ref).distinct().toArray(String[]::new))
                .getResultList();
        rows.forEach(row -> keys.add(key((String) row[0], (String) row[1])));
        return keys;
    }

    /** The active holders of the citizen IDs the chunk gives, with their households' places. */
    private Map<String, Holder> holders(List<HouseholdRows.Imported> chunk) {
        List<String> ids = chunk.stream().filter(i -> i.request() != null)
                .flatMap(i -> i.request().members().stream()).map(HouseholdRequest.Member::citizenId)
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

    private void insertErrors(UUID importId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        int first = ((Number) entityManager.createNativeQuery(
                        "SELECT coalesce(max(seq), 0) FROM household_import_error WHERE import_id = ?1")
                .setParameter(1, importId).getSingleResult()).intValue();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO household_import_error (import_id, seq, row_number, column_name, message)
                    VALUES (?, ?, ?, ?, ?)""")) {
                int seq = first;
                for (RowError error : errors) {
                    insert.setObject(1, importId);
                    insert.setInt(2, ++seq);
                    insert.setInt(3, error.row());
                    insert.setString(4, error.column());
                    insert.setString(5, error.message().length() > 500 ? error.message().substring(0, 500)
                            : error.message());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private List<RowError> errorRows(UUID id, int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT row_number, column_name, message FROM household_import_error
                        WHERE import_id = ?1 ORDER BY seq""")
                .setParameter(1, id).setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    private long errorCount(UUID id) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM household_import_error WHERE import_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /** The uploader's own import (or any, for an admin); others are "not found". */
    private HouseholdImport visible(UUID id) {
        HouseholdImport job = HouseholdImport.findById(id);
        if (job == null || !caller.hasRole(Roles.ADMIN) && !job.submittedBy.equals(caller.actor())) {
            throw ProblemException.notFound("Import", id);
        }
        return job;
    }

    private static String key(String commune, String ref) {
        return commune + "|" + ref;
    }

    /** A job being worked on, with the look-ups of units that every chunk repeats. */
    public static final class ImportRun {
        private final UUID id;
        private final TabularFile.Format format;
        private final byte[] content;
        private final String actor;
        private final int rowsDone;
        private final boolean unrestricted;
        private final Set<String> areaCodes;
        private final AreaScope readScope;
        private final Map<String, Optional<AdminUnit>> communes = new HashMap<>();
        private final Map<String, String> provinces = new HashMap<>();
        private final Map<String, Optional<String>> villages = new HashMap<>();

        ImportRun(UUID id, TabularFile.Format format, byte[] content, String actor, int rowsDone,
                  boolean unrestricted, Set<String> areaCodes, AreaScope readScope) {
            this.unrestricted = unrestricted;
            this.areaCodes = Set.copyOf(areaCodes);
            this.readScope = readScope;
            this.id = id;
            this.format = format;
            this.content = content;
            this.actor = actor;
            this.rowsDone = rowsDone;
        }

        public UUID id() {
            return id;
        }

        public TabularFile.Format format() {
            return format;
        }

        /** The file as uploaded. */
        public java.io.InputStream file() {
            return HouseholdImport.decompress(content);
        }

        public String actor() {
            return actor;
        }

        /** May the uploader write households of this commune (or of its province)? */
        boolean covers(String communeCode, String provinceCode) {
            return unrestricted || areaCodes.contains(communeCode) || areaCodes.contains(provinceCode);
        }

        /** Which existing households the uploader may be told about. */
        AreaScope readScope() {
            return readScope;
        }

        /** Data rows already decided by an earlier run of this job. */
        public int rowsDone() {
            return rowsDone;
        }

        Optional<AdminUnit> commune(String code, LocalDate today) {
            return communes.computeIfAbsent(code, c -> AdminUnit.inForce(c, today)
                    .filter(unit -> unit.level == AdminLevel.COMMUNE));
        }

        String province(String communeCode, LocalDate today) {
            return provinces.computeIfAbsent(communeCode, c -> AdminUnit.provinceOf(c, today));
        }

        String villageParent(String code, LocalDate today) {
            return villages.computeIfAbsent(code, c -> AdminUnit.inForce(c, today)
                    .filter(unit -> unit.level == AdminLevel.VILLAGE).map(unit -> unit.parentCode)).orElse(null);
        }
    }
}
