package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.NominationDtos;
import vn.vnn.emulation.domain.Nomination;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.PersonalData;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.sql.NativeValues;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.sql.StatementTimeout;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The public side of an announcement (công khai, lấy ý kiến nhân dân): who is proposed for which award, and comments
 * from anyone while the period is open. The office and the chairmen read the comments; a commenter's contact, theirs
 * to give, is shown in full to the emulation office only.
 */
@ApplicationScoped
public class AnnouncementService {

    private final EntityManager entityManager;

    /** Key of the sender hashes: without it the hash of an IPv4 address could be reversed by trying them all. */
    @ConfigProperty(name = "vnn.comments.sender-secret", defaultValue = "change-me")
    String senderSecret;

    /** Longest any query of a public read may run (503 with Retry-After beyond). */
    @ConfigProperty(name = "vnn.public.statement-timeout", defaultValue = "5s")
    Duration publicTimeout;
    private final NominationService nominations;
    private final Caller caller;

    private final vn.vnn.kit.audit.AuditLog audit;

    AnnouncementService(EntityManager entityManager, NominationService nominations, Caller caller,
                        vn.vnn.kit.audit.AuditLog audit) {
        this.entityManager = entityManager;
        this.nominations = nominations;
        this.caller = caller;
        this.audit = audit;
    }

    /** Nominees whose comment period is open today, in an area or everywhere, the latest posted first. */
    @Transactional
    public Page<NominationDtos.Announced> open(String areaCode, PageRequest page) {
        StatementTimeout.apply(entityManager, publicTimeout);
        String from = """
                        FROM nomination n JOIN participant p ON p.id = n.participant_id
                             JOIN movement m ON m.id = n.movement_id JOIN award_form f ON f.code = n.award_form
                        WHERE n.status = 'ANNOUNCED' AND n.announced_on <= ?1 AND n.comments_until >= ?1
                          AND (CAST(?2 AS text) IS NULL OR m.area_code = ?2)""";
        long total = ((Number) entityManager.createNativeQuery("SELECT count(*)" + from)
                .setParameter(1, NominationService.today()).setParameter(2, areaCode).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT n.id, p.name, p.kind, f.name, n.achievement_summary, m.name, m.area_code,
                               n.announced_on, n.comments_until
                        FROM nomination n JOIN participant p ON p.id = n.participant_id
                             JOIN movement m ON m.id = n.movement_id JOIN award_form f ON f.code = n.award_form
                        WHERE n.status = 'ANNOUNCED' AND n.announced_on <= ?1 AND n.comments_until >= ?1
                          AND (CAST(?2 AS text) IS NULL OR m.area_code = ?2)
                        ORDER BY n.announced_on DESC, n.id""")
                .setParameter(1, NominationService.today()).setParameter(2, areaCode)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(rows.stream().map(r -> new NominationDtos.Announced((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], NativeValues.localDate(r[7]),
                NativeValues.localDate(r[8]))).toList(), page, total);
    }

    /** Limits on public comments (README): per sender address and per nominee; repeats are not stored twice. */
    static final int PER_SENDER_PER_10_MINUTES = 5;
    static final int PER_SENDER_PER_DAY = 30;
    static final int PER_NOMINEE_PER_HOUR = 300;

    /** What became of a comment: stored, or the same text already received for this nominee (not stored again). */
    public record Received(UUID id, boolean duplicate) {
    }

    /**
     * A comment from the public; only while the nominee's period is open (404 for any other nomination). The
     * sender's address is kept only as a keyed hash, to count their comments (429 with Retry-After past the limits);
     * the same text for the same nominee within a day is the same comment.
     */
    @Transactional
    public Received comment(UUID nominationId, NominationDtos.Comment comment, String senderAddress) {
        Nomination nomination = Nomination.findById(nominationId);
        if (nomination == null || nomination.status != Nomination.Status.ANNOUNCED
                || nomination.announcedOn.isAfter(NominationService.today())) {
            throw ProblemException.notFound("Announcement", nominationId);
        }
        if (NominationService.today().isAfter(nomination.commentsUntil)) {
            throw ProblemException.conflict("Comments on this nominee closed on " + nomination.commentsUntil);
        }
        String text = vn.vnn.kit.text.Names.normalise(comment.text().replace("\r\n", "\n"));
        String textHash = sha256(text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " "));
        String sender = sha256(senderSecret + "|" + (senderAddress == null ? "-" : senderAddress));
        // One comment at a time per nominee passes the checks, so that a burst cannot slip past them together.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "nomination-comment:" + nominationId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<UUID> same = entityManager.createNativeQuery("""
                        SELECT id FROM nomination_comment WHERE nomination_id = ?1 AND text_hash = ?2
                          AND received_at > now() - interval '1 day' ORDER BY received_at LIMIT 1""", UUID.class)
                .setParameter(1, nominationId).setParameter(2, textHash).getResultList();
        if (!same.isEmpty()) {
            return new Received(same.get(0), true);
        }
        limit("""
                SELECT count(*) FROM nomination_comment WHERE sender_hash = ?1
                  AND received_at > now() - interval '10 minutes'""", sender, PER_SENDER_PER_10_MINUTES, 600,
                "At most " + PER_SENDER_PER_10_MINUTES + " comments in 10 minutes from one address");
        limit("""
                SELECT count(*) FROM nomination_comment WHERE sender_hash = ?1
                  AND received_at > now() - interval '1 day'""", sender, PER_SENDER_PER_DAY, 3600,
                "At most " + PER_SENDER_PER_DAY + " comments a day from one address");
        limit("""
                SELECT count(*) FROM nomination_comment WHERE nomination_id = CAST(?1 AS uuid)
                  AND received_at > now() - interval '1 hour'""", nominationId.toString(), PER_NOMINEE_PER_HOUR,
                600, "This nominee received very many comments in the last hour; try again later");
        UUID id = Ids.newId();
        entityManager.createNativeQuery("""
                        INSERT INTO nomination_comment (id, nomination_id, author_name, contact, text, received_at,
                                                        sender_hash, text_hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, now(), ?6, ?7)""")
                .setParameter(1, id).setParameter(2, nominationId).setParameter(3, blankToNull(comment.authorName()))
                .setParameter(4, blankToNull(comment.contact())).setParameter(5, text).setParameter(6, sender)
                .setParameter(7, textHash).executeUpdate();
        return new Received(id, false);
    }

    private void limit(String countSql, String key, int max, long retryAfterSeconds, String detail) {
        long count = ((Number) entityManager.createNativeQuery(countSql).setParameter(1, key).getSingleResult())
                .longValue();
        if (count >= max) {
            throw ProblemException.tooManyRequests(detail, retryAfterSeconds);
        }
    }

    /** Hides a comment from those who read the comments (or shows it again); it stays in the record. */
    @Transactional
    public NominationDtos.CommentView moderate(UUID nominationId, UUID commentId, NominationDtos.Moderation request) {
        nominations.get(nominationId); // 404 outside the caller's scope
        int changed = entityManager.createNativeQuery("""
                        UPDATE nomination_comment SET moderation = ?3, moderation_reason = ?4, moderated_by = ?5,
                               moderated_at = now(), version = version + 1
                        WHERE nomination_id = ?1 AND id = ?2 AND version = ?6""")
                .setParameter(1, nominationId).setParameter(2, commentId).setParameter(3, request.state().name())
                .setParameter(4, blankToNull(request.reason())).setParameter(5, caller.actor())
                .setParameter(6, request.version()).executeUpdate();
        if (changed == 0) {
            boolean exists = !entityManager.createNativeQuery(
                            "SELECT 1 FROM nomination_comment WHERE nomination_id = ?1 AND id = ?2")
                    .setParameter(1, nominationId).setParameter(2, commentId).getResultList().isEmpty();
            throw exists ? ProblemException.conflict("The comment was moderated meanwhile; reload it")
                    : ProblemException.notFound("Comment", commentId);
        }
        audit.record("NOMINATION_COMMENT", commentId, "COMMENT_" + request.state().name(), caller.actor(),
                request.reason());
        return comments(nominationId, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(c -> c.id().equals(commentId)).findFirst().orElseThrow();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The comments on a nomination, oldest first, a page at a time, for those who may see the nomination. */
    @Transactional
    public Page<NominationDtos.CommentView> comments(UUID nominationId, PageRequest page) {
        nominations.get(nominationId); // 404 outside the caller's scope
        boolean office = caller.hasRole(Roles.EMULATION_OFFICER) || caller.hasRole(Roles.ADMIN);
        long total = ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM nomination_comment WHERE nomination_id = ?1")
                .setParameter(1, nominationId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, author_name, contact, text, received_at, moderation, moderation_reason, version
                        FROM nomination_comment WHERE nomination_id = ?1 ORDER BY received_at, id""")
                .setParameter(1, nominationId).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
        if (office && rows.stream().anyMatch(r -> r[2] != null)) {
            audit.personalDataRead("NOMINATION_COMMENT", rows.stream().filter(r -> r[2] != null).map(r -> r[0])
                    .toList(), caller.actor(), "commenters' contacts");
        }
        return Page.of(rows.stream().map(r -> new NominationDtos.CommentView((UUID) r[0],
                (String) r[1], office ? (String) r[2] : PersonalData.maskContact((String) r[2]), (String) r[3],
                NativeValues.offsetDateTime(r[4]), (String) r[5], (String) r[6], ((Number) r[7]).longValue()))
                .toList(), page, total);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
