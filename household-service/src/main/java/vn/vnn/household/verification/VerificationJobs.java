package vn.vnn.household.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;
import vn.vnn.kit.jobs.JobQueue;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk verification of more than {@link StatusVerifications#MAX_SUBJECTS} subjects: a job checked and accepted at
 * once (purpose, quota, each subject's shape), answered in the background, chunk by chunk, with the areas its caller
 * had, every subject logged as a single look-up is; the answers are read in the order asked.
 */
@ApplicationScoped
@TableOwner("verification_job, verification_job_answer")
public class VerificationJobs {

    /** Subjects in one job: what a JSON body within the services' 1 MB limit can carry, with room to spare. */
    public static final int MAX_JOB_SUBJECTS = 10_000;
    /** Subjects answered in one transaction. */
    static final int CHUNK = 1_000;
    private static final TypeReference<List<StatusVerifications.Subject>> SUBJECTS = new TypeReference<>() {
    };

    /** A job as its client sees it. */
    public record Job(UUID id, String status, int total, int done, String purpose, LocalDate asOf,
                      OffsetDateTime submittedAt, OffsetDateTime finishedAt, String failure) {
    }

    /** One answer of a job, with its place in the request. */
    public record Numbered(int index, StatusVerifications.Answer answer) {
    }

    /** A job taken by a worker: what it asks and how far it got. */
    record Taken(UUID id, String client, String purpose, LocalDate asOf, AreaScope scope, int done,
                 List<StatusVerifications.Subject> subjects) {
    }

    private final Caller caller;
    private final EntityManager entityManager;
    private final StatusVerifications verifications;
    private final ObjectMapper json;

    VerificationJobs(Caller caller, EntityManager entityManager, StatusVerifications verifications, ObjectMapper json) {
        this.caller = caller;
        this.entityManager = entityManager;
        this.verifications = verifications;
        this.json = json;
    }

    @Transactional
    public Job submit(List<StatusVerifications.Subject> subjects, String purpose, LocalDate asOf) {
        if (subjects.isEmpty() || subjects.size() > MAX_JOB_SUBJECTS) {
            throw ProblemException.invalid("subjects", "between 1 and " + MAX_JOB_SUBJECTS + " in one job");
        }
        LocalDate day = verifications.day(asOf);
        verifications.requirePurpose(purpose);
        for (int i = 0; i < subjects.size(); i++) {
            StatusVerifications.requireOneKind(subjects.get(i), "subjects[" + i + "]");
        }
        String client = caller.actor();
        verifications.limit(client, subjects.size());
        UUID id = Ids.newId();
        String body;
        try {
            body = json.writeValueAsString(subjects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO verification_job (id, client, purpose, as_of, reach, subjects, total, status,
                                                      submitted_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7, 'QUEUED', clock_timestamp())""")
                .setParameter(1, id).setParameter(2, client).setParameter(3, purpose).setParameter(4, day)
                .setParameter(5, caller.scope().encode()).setParameter(6, body).setParameter(7, subjects.size())
                .executeUpdate();
        return find(id);
    }

    @Transactional
    public Job get(UUID id) {
        return find(id);
    }

    /** The answers so far, in the order asked. */
    @Transactional
    public Page<Numbered> answers(UUID id, PageRequest page) {
        Job job = find(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT seq, matched, status, review_year, decision_no, decision_date, area_code, valid_until
                        FROM verification_job_answer WHERE job_id = ?1 ORDER BY seq LIMIT ?2 OFFSET ?3""")
                .setParameter(1, id).setParameter(2, page.size()).setParameter(3, page.offset()).getResultList();
        List<Numbered> answers = new ArrayList<>();
        for (Object[] r : rows) {
            answers.add(new Numbered(((Number) r[0]).intValue(), new StatusVerifications.Answer((Boolean) r[1],
                    (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4],
                    NativeValues.localDate(r[5]), (String) r[6], NativeValues.localDate(r[7]))));
        }
        return Page.of(answers, page, job.done());
    }

    /** Takes the next job to answer (or one whose worker stopped); in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Taken> take() {
        return JobQueue.claimNext(entityManager, "verification_job", 3, "verifying", null).map(id -> {
            Object[] r = (Object[]) entityManager.createNativeQuery("""
                            SELECT client, purpose, as_of, reach, done, CAST(subjects AS text) FROM verification_job
                            WHERE id = ?1""").setParameter(1, id).getSingleResult();
            try {
                return new Taken(id, (String) r[0], (String) r[1], NativeValues.localDate(r[2]),
                        AreaScope.decode((String) r[3]), ((Number) r[4]).intValue(),
                        json.readValue((String) r[5], SUBJECTS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored subjects are not JSON", e);
            }
        });
    }

    /** Answers the next chunk of the job; false when the job is done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean answerChunk(Taken job, int from) {
        if (from >= job.subjects().size()) {
            entityManager.createNativeQuery("""
                            UPDATE verification_job SET status = 'DONE', finished_at = clock_timestamp(),
                                   subjects = '[]', version = version + 1 WHERE id = ?1""")
                    .setParameter(1, job.id()).executeUpdate();
            return false;
        }
        List<StatusVerifications.Subject> chunk = job.subjects().subList(from,
                Math.min(from + CHUNK, job.subjects().size()));
        List<StatusVerifications.Answer> answers = verifications.answer(chunk, job.purpose(), job.asOf(),
                job.client(), job.scope(), from);
        for (int i = 0; i < answers.size(); i++) {
            StatusVerifications.Answer a = answers.get(i);
            entityManager.createNativeQuery("""
                            INSERT INTO verification_job_answer (job_id, seq, matched, status, review_year, decision_no,
                                                                 decision_date, area_code, valid_until)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING""")
                    .setParameter(1, job.id()).setParameter(2, from + i).setParameter(3, a.matched())
                    .setParameter(4, a.status()).setParameter(5, a.reviewYear()).setParameter(6, a.decisionNo())
                    .setParameter(7, a.decisionDate()).setParameter(8, a.areaCode()).setParameter(9, a.validUntil())
                    .executeUpdate();
        }
        entityManager.createNativeQuery("""
                        UPDATE verification_job SET done = ?2, heartbeat_at = clock_timestamp(), version = version + 1
                        WHERE id = ?1""").setParameter(1, job.id()).setParameter(2, from + answers.size())
                .executeUpdate();
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(UUID id, String failure) {
        entityManager.createNativeQuery("""
                        UPDATE verification_job SET status = 'FAILED', finished_at = clock_timestamp(), failure = ?2,
                               version = version + 1 WHERE id = ?1""").setParameter(1, id)
                .setParameter(2, failure.length() > 500 ? failure.substring(0, 500) : failure).executeUpdate();
    }

    /** The job, to its client (and admins); for anyone else it does not exist. */
    private Job find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, status, total, done, purpose, as_of, submitted_at, finished_at, failure, client
                        FROM verification_job WHERE id = ?1""").setParameter(1, id).getResultList();
        if (rows.isEmpty() || !(caller.hasRole(Roles.ADMIN) || caller.actor().equals(rows.get(0)[9]))) {
            throw ProblemException.notFound("Verification job", id);
        }
        Object[] r = rows.get(0);
        return new Job((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                (String) r[4], NativeValues.localDate(r[5]), NativeValues.offsetDateTime(r[6]),
                NativeValues.offsetDateTime(r[7]), (String) r[8]);
    }
}
