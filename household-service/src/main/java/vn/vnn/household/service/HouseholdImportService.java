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
import vn.vnn.household.domain.HouseholdAuditEntry;
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
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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

    private final Caller caller;
    private final Validator validator;
    private final EntityManager entityManager;
    private final jakarta.enterprise.event.Event<Queued> queued;

    HouseholdImportService(Caller caller, Validator validator, EntityManager entityManager,
                           jakarta.enterprise.event.Event<Queued> queued) {
        this.caller = caller;
        this.validator = validator;
        this.entityManager = entityManager;
        this.queued = queued;
    }

    /** Checks that the file can be read and has the template's columns, then queues it. */
    @Transactional
    public ImportJobView submit(TabularFile.Format format, String fileName, byte[] content) {
        AreaScope scope = caller.scope();
        if (scope.nothing()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "No area has been granted to you for imports");
        }
        return submitAs(caller.actor(), scope, format, fileName, content);
    }

    /** Queues a file on behalf of {@code actor} with the given scope; for the caller's uploads and for demo data. */
    @Transactional
    public ImportJobView submitAs(String actor, AreaScope scope, TabularFile.Format format, String fileName,
                                  byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", "is empty; download the template and fill it in");
        }
        List<String> header;
        try {
            header = TabularFile.header(format, content);
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
        job.store(content);
        job.contentSha256 = sha256(content);
        job.submittedBy = actor;
        job.scopeUnrestricted = scope.national();
        job.scopeAreaCodes = String.join(",", scope.areas());
        job.submittedAt = OffsetDateTime.now();
        job.persist();
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
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> claimNext() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        UPDATE household_import SET status = 'RUNNING', started_at = coalesce(started_at, now()),
                               heartbeat_at = now(), version = version + 1
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
                job.areaCodes());
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
        Set<String> taken = activeCitizenIds(chunk);
        List<RowError> errors = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        List<HouseholdMember> members = new ArrayList<>();
        List<HouseholdAuditEntry> audits = new ArrayList<>();
        for (HouseholdRows.Imported imported : chunk) {
            HouseholdRequest request = imported.request();
            if (request != null && registered.contains(key(request.communeCode(), imported.ref()))) {
                job.householdsUnchanged++;
                continue;
            }
            List<RowError> problems = request == null ? imported.errors() : check(run, job, imported, taken);
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
                members.add(HouseholdMember.joining(household.id, member, today));
                if (member.citizenId() != null) {
                    taken.add(member.citizenId());
                }
            }
            audits.add(HouseholdAuditEntry.of(household.id, run.actor(), "IMPORTED",
                    "import " + run.id() + ", household_ref " + imported.ref() + ", " + request.members().size() + " member(s)"));
            registered.add(key(commune.code, imported.ref()));
            job.householdsCreated++;
        }
        // Persisted kind by kind so that Hibernate sends each kind in JDBC batches.
        households.forEach(h -> h.persist());
        entityManager.flush();
        members.forEach(m -> m.persist());
        audits.forEach(a -> a.persist());
        insertErrors(run.id(), errors);
        advance(run.id(), job.householdsCreated, job.householdsUnchanged, job.householdsRejected, rowsDone);
        entityManager.flush();
        entityManager.clear();
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

        boolean covers(String communeCode, String provinceCode) {
            return run.covers(communeCode, provinceCode);
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

    /** Everything wrong with one household beyond its cells: field rules, place, scope and citizen IDs. */
    private List<RowError> check(ImportRun run, Progress job, HouseholdRows.Imported imported,
                                 Set<String> taken) {
        HouseholdRequest request = imported.request();
        List<RowError> problems = new ArrayList<>();
        for (ConstraintViolation<HouseholdRequest> violation : validator.validate(request)) {
            problems.add(imported.locate(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        LocalDate today = LocalDate.now(VIETNAM);
        Optional<AdminUnit> commune = request.communeCode() == null ? Optional.empty()
                : run.commune(request.communeCode(), today);
        String communeColumn = ImportColumn.COMMUNE_CODE.header();
        if (commune.isEmpty()) {
            problems.add(new RowError(imported.rows().get(0), communeColumn, "is no commune in force today"));
        } else if (!job.covers(commune.get().code, run.province(commune.get().code, today))) {
            problems.add(new RowError(imported.rows().get(0), communeColumn,
                    "is outside the areas granted to you"));
        } else if (request.villageCode() != null
                && !commune.get().code.equals(run.villageParent(request.villageCode(), today))) {
            problems.add(new RowError(imported.rows().get(0), ImportColumn.VILLAGE_CODE.header(),
                    "is no village of the household's commune"));
        }
        for (Problem.FieldError error : MemberRules.problems(request.members(), true, taken::contains)) {
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

    private Set<String> activeCitizenIds(List<HouseholdRows.Imported> chunk) {
        String[] ids = chunk.stream().filter(i -> i.request() != null)
                .flatMap(i -> i.request().members().stream()).map(HouseholdRequest.Member::citizenId)
                .filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return new HashSet<>();
        }
        @SuppressWarnings("unchecked")
        List<String> active = entityManager.createNativeQuery(
                        "SELECT citizen_id FROM household_member WHERE active AND citizen_id = ANY(?1)")
                .setParameter(1, ids).getResultList();
        return new HashSet<>(active);
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

    /** The file's fingerprint, also what an Idempotency-Key is checked against. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        private final Map<String, Optional<AdminUnit>> communes = new HashMap<>();
        private final Map<String, String> provinces = new HashMap<>();
        private final Map<String, Optional<String>> villages = new HashMap<>();

        ImportRun(UUID id, TabularFile.Format format, byte[] content, String actor, int rowsDone,
                  boolean unrestricted, Set<String> areaCodes) {
            this.unrestricted = unrestricted;
            this.areaCodes = Set.copyOf(areaCodes);
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
