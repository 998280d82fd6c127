package vn.vnn.household.imports;

import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.upload.RowError;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The queue of household imports (nhập hộ hàng loạt): an upload is checked and queued in the request; the
 * {@link HouseholdImportWorker} claims jobs, and {@link ImportDecisions} decides their households chunk by chunk, so
 * that progress is visible and a restarted service resumes where it stopped.
 */
@ApplicationScoped
public class ImportJobs {

    /** Fired when an upload has been queued; the worker starts once the transaction has committed. */
    public record Queued(UUID importId) {
    }

    /** The roles that read households (HouseholdResource): what an uploader may be told about existing ones. */
    private static final Set<String> HOUSEHOLD_READERS = Set.of(Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN,
            Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR);

    private final Caller caller;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final ImportErrors errorReport;
    private final VietnamClock clock;
    private final jakarta.enterprise.event.Event<Queued> queued;
    private final int partnerImportsPerHour;

    ImportJobs(Caller caller, AuditLog audit, EntityManager entityManager, ImportErrors errorReport,
               VietnamClock clock, jakarta.enterprise.event.Event<Queued> queued,
                           @org.eclipse.microprofile.config.inject.ConfigProperty(
                                   name = "vnn.import.partner-imports-per-hour", defaultValue = "30")
                           int partnerImportsPerHour) {
        this.caller = caller;
        this.audit = audit;
        this.errorReport = errorReport;
        this.clock = clock;
        this.entityManager = entityManager;
        this.queued = queued;
        this.partnerImportsPerHour = partnerImportsPerHour;
    }

    /**
     * Checks that the file can be read and has the template's columns, then queues it. A partner client may queue a
     * limited number of imports an hour; every upload is audited.
     */
    @Transactional
    public ImportJob submit(TabularFile.Format format, String fileName, UploadedFile content) {
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
            long wait = java.time.Duration.between(clock.now(), oldest.plusHours(1)).toSeconds() + 1;
            throw ProblemException.tooManyRequests("At most " + partnerImportsPerHour
                    + " imports an hour for a partner client; try again later", wait);
        }
    }

    /**
     * Queues a file on behalf of {@code actor}: {@code scope} is where they may write households, {@code readScope}
     * which existing households they may be told about. For the caller's uploads and for demo data.
     */
    @Transactional
    public ImportJob submitAs(String actor, AreaScope scope, AreaScope readScope, TabularFile.Format format,
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
        job.submittedAt = clock.now();
        job.persist();
        audit.record("HOUSEHOLD_IMPORT", job.id, "IMPORT_SUBMITTED", actor, job.format + " file of "
                + content.size() + " bytes, sha256 " + job.contentSha256 + ", scope " + scope.encode());
        queued.fire(new Queued(job.id));
        return new ImportJob(job, 0);
    }

    @Transactional
    public ImportJob get(UUID id) {
        HouseholdImport job = visible(id);
        return new ImportJob(job, errorReport.count(id));
    }

    /** The caller's own imports, newest first; an admin sees everyone's. */
    @Transactional
    public Page<ImportJob> list(PageRequest page) {
        boolean all = caller.hasRole(Roles.ADMIN);
        String query = all ? "from HouseholdImport" : "from HouseholdImport where submittedBy = :actor";
        Map<String, Object> params = all ? Map.of() : Map.of("actor", caller.actor());
        long total = HouseholdImport.count(query, params);
        List<ImportJob> items = HouseholdImport.<HouseholdImport>find(query + " order by submittedAt desc, id",
                        params).page(page.page(), page.size()).list().stream()
                .map(job -> new ImportJob(job, errorReport.count(job.id))).toList();
        return Page.of(items, page, total);
    }

    /** The error report, in file order. */
    @Transactional
    public Page<RowError> errors(UUID id, PageRequest page) {
        visible(id);
        List<RowError> items = errorReport.page(id, page.size(), page.offset());
        return Page.of(items, page, errorReport.count(id));
    }

    @Transactional
    public List<RowError> allErrors(UUID id) {
        visible(id);
        return errorReport.page(id, Integer.MAX_VALUE, 0);
    }

    // ---- the worker's steps, each its own transaction ----

    /** Takes the oldest queued import, or one whose worker stopped beating; empty when there is none. */
    static final int MAX_ATTEMPTS = 3;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> claimNext() {
        return vn.vnn.kit.jobs.JobQueue.claimNext(entityManager, "household_import", MAX_ATTEMPTS,
                "importing this file", null);
    }

    /** What the worker needs to run the job: the file and the uploader's scope; counts the rows the first time. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportRun open(UUID id) {
        HouseholdImport job = HouseholdImport.findById(id);
        if (job.rowsTotal == null) {
            try (java.io.InputStream file = job.file()) {
                job.rowsTotal = Math.max(0, TabularFile.countRows(job.format, file) - 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new ImportRun(job.id, job.format, job.content, job.submittedBy, job.rowsDone, job.scopeUnrestricted,
                job.areaCodes(), AreaScope.decode(job.readScope));
    }

    /**
     * Moves the job's counters on without loading its row (whose file may be megabytes); the row's version is bumped
     * so that a progress read never sees a torn state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void advance(UUID id, int created, int unchanged, int rejected, int rowsDone) {
        entityManager.createNativeQuery("""
                        UPDATE household_import SET households_created = households_created + ?2,
                               households_unchanged = households_unchanged + ?3,
                               households_rejected = households_rejected + ?4, rows_done = ?5, heartbeat_at = now(),
                               version = version + 1
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, created).setParameter(3, unchanged).setParameter(4, rejected)
                .setParameter(5, rowsDone).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UUID id) {
        HouseholdImport job = HouseholdImport.findById(id);
        job.status = HouseholdImport.Status.COMPLETED;
        job.finishedAt = clock.now();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID id, String reason) {
        HouseholdImport job = HouseholdImport.findById(id);
        job.status = HouseholdImport.Status.FAILED;
        job.failure = reason;
        job.finishedAt = clock.now();
    }

    /** The uploader's own import (or any, for an admin); others are "not found". */
    private HouseholdImport visible(UUID id) {
        HouseholdImport job = HouseholdImport.findById(id);
        if (job == null || !caller.hasRole(Roles.ADMIN) && !job.submittedBy.equals(caller.actor())) {
            throw ProblemException.notFound("Import", id);
        }
        return job;
    }
}
