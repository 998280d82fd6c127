package vn.vnn.household.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.household.registry.Household;
import vn.vnn.household.registry.HouseholdMember;
import vn.vnn.household.registry.StatusRecognition;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.kit.Ids;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Status verification for partner agencies (xác minh hộ nghèo, hộ cận nghèo): is this citizen, or this household of
 * this commune, in a poor or near-poor household as of a date? The answer discloses only the status, the review year
 * and decision that recognised it, the commune and until when it holds — never members, names or other data. A
 * partner asks for one of the purposes granted to its client (the {@code purposes} claim of its token) and reaches the
 * areas granted to it: outside them a household is NOT_FOUND, exactly as an unknown one. Every look-up is logged
 * with a keyed hash of its subject, and a client may look up at most its daily quota of subjects.
 */
@ApplicationScoped
@TableOwner("verification_log")
public class StatusVerifications {

    /** The claim that carries a partner client's granted purposes. */
    public static final String PURPOSES_CLAIM = "purposes";
    /** Subjects in one synchronous call. */
    public static final int MAX_SUBJECTS = 1_000;

    /** Whom a partner asks about: a citizen ID, or a household's reference and commune. */
    public record Subject(String citizenId, String householdRef, String communeCode) {
    }

    /** What a partner is told. */
    public record Answer(boolean matched, String status, Integer reviewYear, String decisionNo, LocalDate decisionDate,
                         String areaCode, LocalDate validUntil) {

        static final Answer NOT_FOUND = new Answer(false, "NOT_FOUND", null, null, null, null, null);
    }

    /** A line of the access log, for auditors. */
    public record Logged(UUID id, String client, String purpose, String subjectKind, String subjectHash,
                         LocalDate asOf, String result, String areaCode, OffsetDateTime verifiedAt, String channel,
                         Integer matched) {
    }

    private final Caller caller;
    private final EntityManager entityManager;
    private final VietnamClock clock;
    private final byte[] logKey;
    private final int dailyQuota;

    StatusVerifications(Caller caller, EntityManager entityManager, VietnamClock clock,
                        @ConfigProperty(name = "vnn.verification.log-key") String logKey,
                        @ConfigProperty(name = "vnn.verification.daily-quota", defaultValue = "20000") int dailyQuota) {
        this.caller = caller;
        this.entityManager = entityManager;
        this.clock = clock;
        this.logKey = logKey.getBytes(StandardCharsets.UTF_8);
        this.dailyQuota = dailyQuota;
    }

    @Transactional
    public List<Answer> verify(List<Subject> subjects, String purpose, LocalDate asOf) {
        if (subjects.isEmpty() || subjects.size() > MAX_SUBJECTS) {
            throw ProblemException.invalid("subjects", "between 1 and " + MAX_SUBJECTS + " in one call");
        }
        LocalDate day = day(asOf);
        requirePurpose(purpose);
        String client = caller.actor();
        limit(client, subjects.size());
        return answer(subjects, purpose, day, client, caller.scope(), 0);
    }

    /**
     * Answers and logs {@code subjects} for {@code client} reaching {@code scope} (the caller's, or a job's as its
     * caller had it); {@code offset}: the index of the first subject in its request, for the error's field.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Answer> answer(List<Subject> subjects, String purpose, LocalDate day, String client, AreaScope scope,
                               int offset) {
        Map<String, HouseholdMember> holders = HouseholdMember.activeWithCitizenIds(subjects.stream()
                .map(Subject::citizenId).filter(id -> id != null).toList());
        List<Answer> answers = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            String field = "subjects[" + (offset + i) + "]";
            Household household = household(subject, holders, field);
            Answer answer = household == null || !scope.covers(household.communeCode, household.provinceCode)
                    ? Answer.NOT_FOUND : statusOf(household, day);
            log(client, purpose, subject, day, answer);
            answers.add(answer);
        }
        return answers;
    }

    /** The day asked for: today when left out, never in the future. */
    LocalDate day(LocalDate asOf) {
        LocalDate day = asOf == null ? clock.today() : asOf;
        if (day.isAfter(clock.today())) {
            throw ProblemException.invalid("asOf", "is in the future");
        }
        return day;
    }

    /** The access log, newest first; for auditors. */
    @Transactional
    public Page<Logged> log(String client, LocalDate from, LocalDate to, PageRequest page) {
        String where = " WHERE verified_at >= ?1 AND verified_at < ?2" + (client == null ? "" : " AND client = ?3");
        var count = entityManager.createNativeQuery("SELECT count(*) FROM verification_log" + where);
        var rows = entityManager.createNativeQuery("""
                        SELECT id, client, purpose, subject_kind, subject_hash, as_of, result, area_code, verified_at,
                               channel, matched
                        FROM verification_log""" + where + " ORDER BY verified_at DESC, id")
                .setFirstResult(page.offset()).setMaxResults(page.size());
        for (var query : List.of(count, rows)) {
            query.setParameter(1, VietnamClock.startOf(from)).setParameter(2, VietnamClock.startOf(to.plusDays(1)));
            if (client != null) {
                query.setParameter(3, client);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return Page.of(found.stream().map(r -> new Logged((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], NativeValues.localDate(r[5]), (String) r[6], (String) r[7],
                NativeValues.offsetDateTime(r[8]), (String) r[9], r[10] == null ? null : ((Number) r[10]).intValue()))
                .toList(), page, ((Number) count.getSingleResult()).longValue());
    }

    /** The purpose must be one granted to the client; admins (who test the API) may use any. */
    void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.invalid("purpose", "say why you ask: one of the purposes granted to your client");
        }
        Set<String> granted = caller.claimValues(PURPOSES_CLAIM);
        if (!caller.hasRole(Roles.ADMIN) && !granted.contains(purpose)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Purpose " + purpose + " is not granted to your client"
                    + (granted.isEmpty() ? "" : "; granted: " + String.join(", ", granted)));
        }
    }

    /** At most the daily quota of subjects per client (Vietnam's day), counted under a lock per client. */
    void limit(String client, int asked) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "verification-quota:" + client).getSingleResult();
        long today = ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM verification_log WHERE client = ?1 AND verified_at >= ?2")
                .setParameter(1, client).setParameter(2, VietnamClock.startOf(clock.today())).getSingleResult())
                .longValue();
        if (today + asked > dailyQuota) {
            long wait = java.time.Duration.between(clock.now(), VietnamClock.startOf(clock.today().plusDays(1)))
                    .toSeconds() + 1;
            throw ProblemException.tooManyRequests("At most " + dailyQuota + " subjects a day for a client; "
                    + Math.max(0, dailyQuota - today) + " left today", wait);
        }
    }

    /** A subject names a citizen ID, or a household reference with its commune: one of them. */
    static void requireOneKind(Subject subject, String field) {
        boolean byId = subject.citizenId() != null;
        boolean byRef = subject.householdRef() != null || subject.communeCode() != null;
        if (byId == byRef || (byRef && (subject.householdRef() == null || subject.communeCode() == null))) {
            throw ProblemException.invalid(field, "give a citizenId, or a householdRef with its communeCode");
        }
    }

    private static Household household(Subject subject, Map<String, HouseholdMember> holders, String field) {
        requireOneKind(subject, field);
        boolean byId = subject.citizenId() != null;
        if (byId) {
            HouseholdMember member = holders.get(subject.citizenId());
            return member == null ? null : Household.findById(member.householdId);
        }
        return Household.<Household>find("communeCode = ?1 and householdRef = ?2", subject.communeCode(),
                subject.householdRef()).firstResultOptional().orElse(null);
    }

    /**
     * The status the latest recognition on or before the day gave the household: POOR and NEAR_POOR as recognised,
     * anything else OTHER. A periodic review of year Y decides the status of Y+1, so a status holds until the end of
     * the year after its review year, unless a later recognition changes it.
     */
    private static Answer statusOf(Household household, LocalDate day) {
        if (household.dissolvedOn != null && !household.dissolvedOn.isAfter(day)) {
            return new Answer(true, "OTHER", null, null, null, household.communeCode, null);
        }
        StatusRecognition recognition = StatusRecognition.<StatusRecognition>find(
                        "householdId = ?1 and recognizedOn <= ?2 order by recognizedOn desc, recordedAt desc",
                        household.id, day).firstResult();
        if (recognition == null) {
            return new Answer(true, "OTHER", null, null, null, household.communeCode, null);
        }
        boolean poor = recognition.status == PovertyStatus.POOR || recognition.status == PovertyStatus.NEAR_POOR;
        return new Answer(true, poor ? recognition.status.name() : "OTHER", recognition.reviewYear,
                recognition.decisionNo, recognition.recognizedOn, household.communeCode,
                poor ? LocalDate.of(recognition.reviewYear + 1, 12, 31) : null);
    }

    private void log(String client, String purpose, Subject subject, LocalDate day, Answer answer) {
        boolean byId = subject.citizenId() != null;
        logLookUp("API", client, purpose, byId ? "CITIZEN_ID" : "HOUSEHOLD_REF",
                byId ? subject.citizenId() : subject.communeCode() + "/" + subject.householdRef(), day,
                answer.status(), answer.areaCode(), null);
    }

    /**
     * Records one look-up in the access log — through this API or another channel (DCI) — with an HMAC of its
     * subject. {@code kind}: CITIZEN_ID, HOUSEHOLD_REF, HOUSEHOLD_ID or PREDICATE; {@code result}: the status told, or
     * LIST with {@code matched} records for a predicate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void logLookUp(String channel, String client, String purpose, String kind, String subject, LocalDate day,
                          String result, String areaCode, Integer matched) {
        entityManager.createNativeQuery("""
                        INSERT INTO verification_log (id, client, purpose, subject_kind, subject_hash, as_of, result,
                                                      area_code, verified_at, channel, matched)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, Ids.newId()).setParameter(2, client).setParameter(3, purpose)
                .setParameter(4, kind).setParameter(5, hash(kind + ":" + subject))
                .setParameter(6, day).setParameter(7, result).setParameter(8, areaCode)
                .setParameter(9, clock.now()).setParameter(10, channel).setParameter(11, matched).executeUpdate();
    }

    /** At most the daily quota of look-ups per client, whatever the channel; 429 past it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireQuota(String client, int asked) {
        limit(client, asked);
    }

    /** HMAC-SHA256 under the log's key: an auditor can tell two look-ups of the same subject apart from others. */
    String hash(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(logKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
