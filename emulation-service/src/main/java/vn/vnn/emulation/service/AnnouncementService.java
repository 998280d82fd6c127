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
    public List<NominationDtos.Announced> open(String areaCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT n.id, p.name, p.kind, f.name, n.achievement_summary, m.name, m.area_code,
                               n.announced_on, n.comments_until
                        FROM nomination n JOIN participant p ON p.id = n.participant_id
                             JOIN movement m ON m.id = n.movement_id JOIN award_form f ON f.code = n.award_form
                        WHERE n.status = 'ANNOUNCED' AND n.announced_on <= ?1 AND n.comments_until >= ?1
                          AND (CAST(?2 AS text) IS NULL OR m.area_code = ?2)
                        ORDER BY n.announced_on DESC, n.id""")
                .setParameter(1, NominationService.today()).setParameter(2, areaCode).getResultList();
        return rows.stream().map(r -> new NominationDtos.Announced((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], NativeValues.localDate(r[7]), NativeValues.localDate(r[8]))).toList();
    }

    /** A comment from the public; only while the nominee's period is open (404 for any other nomination). */
    @Transactional
    public UUID comment(UUID nominationId, NominationDtos.Comment comment) {
        Nomination nomination = Nomination.findById(nominationId);
        if (nomination == null || nomination.status != Nomination.Status.ANNOUNCED
                || nomination.announcedOn.isAfter(NominationService.today())) {
            throw ProblemException.notFound("Announcement", nominationId);
        }
        if (NominationService.today().isAfter(nomination.commentsUntil)) {
            throw ProblemException.conflict("Comments on this nominee closed on " + nomination.commentsUntil);
        }
        UUID id = Ids.newId();
        entityManager.createNativeQuery("""
                        INSERT INTO nomination_comment (id, nomination_id, author_name, contact, text, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())""")
                .setParameter(1, id).setParameter(2, nominationId).setParameter(3, blankToNull(comment.authorName()))
                .setParameter(4, blankToNull(comment.contact())).setParameter(5, comment.text().strip())
                .executeUpdate();
        return id;
    }

    /** The comments on a nomination, oldest first, for those who may see the nomination. */
    @Transactional
    public List<NominationDtos.CommentView> comments(UUID nominationId) {
        nominations.get(nominationId); // 404 outside the caller's scope
        boolean office = caller.hasRole(Roles.EMULATION_OFFICER) || caller.hasRole(Roles.ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, author_name, contact, text, received_at FROM nomination_comment
                        WHERE nomination_id = ?1 ORDER BY received_at, id""")
                .setParameter(1, nominationId).getResultList();
        if (office && rows.stream().anyMatch(r -> r[2] != null)) {
            audit.personalDataRead("NOMINATION_COMMENT", rows.stream().filter(r -> r[2] != null).map(r -> r[0])
                    .toList(), caller.actor(), "commenters' contacts");
        }
        return rows.stream().map(r -> new NominationDtos.CommentView((UUID) r[0],
                (String) r[1], office ? (String) r[2] : PersonalData.maskContact((String) r[2]), (String) r[3],
                NativeValues.offsetDateTime(r[4]))).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
