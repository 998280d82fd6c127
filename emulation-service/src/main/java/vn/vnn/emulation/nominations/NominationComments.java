package vn.vnn.emulation.nominations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Comments from the public on announced nominees, with the keyed hashes that count them per sender and spot
 * repeats, and their moderation: the one owner of {@code nomination_comment}.
 */
@ApplicationScoped
@TableOwner("nomination_comment")
public class NominationComments {

    /** A stored comment; the contact as given (masking is for whoever shows it). */
    public record Comment(UUID id, String authorName, String contact, String text, OffsetDateTime receivedAt,
                          String moderation, String moderationReason, long version) {
    }

    private final EntityManager entityManager;

    NominationComments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Lets one comment at a time on the nominee pass the checks, so that a burst cannot slip past them together. */
    void lockNominee(UUID nominationId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "nomination-comment:" + nominationId).getSingleResult();
    }

    /** The same text for the same nominee received within a day, if any. */
    Optional<UUID> sameWithinADay(UUID nominationId, String textHash) {
        @SuppressWarnings("unchecked")
        List<UUID> same = entityManager.createNativeQuery("""
                        SELECT id FROM nomination_comment WHERE nomination_id = ?1 AND text_hash = ?2
                          AND received_at > now() - interval '1 day' ORDER BY received_at LIMIT 1""", UUID.class)
                .setParameter(1, nominationId).setParameter(2, textHash).getResultList();
        return same.stream().findFirst();
    }

    long fromSenderWithin(String senderHash, String interval) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM nomination_comment WHERE sender_hash = ?1
                          AND received_at > now() - CAST(?2 AS interval)""")
                .setParameter(1, senderHash).setParameter(2, interval).getSingleResult()).longValue();
    }

    long forNomineeWithin(UUID nominationId, String interval) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM nomination_comment WHERE nomination_id = ?1
                          AND received_at > now() - CAST(?2 AS interval)""")
                .setParameter(1, nominationId).setParameter(2, interval).getSingleResult()).longValue();
    }

    void add(UUID id, UUID nominationId, String authorName, String contact, String text, String senderHash,
             String textHash) {
        entityManager.createNativeQuery("""
                        INSERT INTO nomination_comment (id, nomination_id, author_name, contact, text, received_at,
                                                        sender_hash, text_hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, now(), ?6, ?7)""")
                .setParameter(1, id).setParameter(2, nominationId).setParameter(3, authorName)
                .setParameter(4, contact).setParameter(5, text).setParameter(6, senderHash)
                .setParameter(7, textHash).executeUpdate();
    }

    /** Hides or shows a comment if it is still at the version read; false when it was not (or does not exist). */
    boolean moderate(UUID nominationId, UUID commentId, String state, String reason, String actor, long version) {
        return entityManager.createNativeQuery("""
                        UPDATE nomination_comment SET moderation = ?3, moderation_reason = ?4, moderated_by = ?5,
                               moderated_at = now(), version = version + 1
                        WHERE nomination_id = ?1 AND id = ?2 AND version = ?6""")
                .setParameter(1, nominationId).setParameter(2, commentId).setParameter(3, state)
                .setParameter(4, reason).setParameter(5, actor).setParameter(6, version).executeUpdate() > 0;
    }

    boolean exists(UUID nominationId, UUID commentId) {
        return !entityManager.createNativeQuery(
                        "SELECT 1 FROM nomination_comment WHERE nomination_id = ?1 AND id = ?2")
                .setParameter(1, nominationId).setParameter(2, commentId).getResultList().isEmpty();
    }

    long count(UUID nominationId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM nomination_comment WHERE nomination_id = ?1")
                .setParameter(1, nominationId).getSingleResult()).longValue();
    }

    /** The comments on a nomination, oldest first. */
    List<Comment> page(UUID nominationId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, author_name, contact, text, received_at, moderation, moderation_reason, version
                        FROM nomination_comment WHERE nomination_id = ?1 ORDER BY received_at, id""")
                .setParameter(1, nominationId).setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Comment((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                NativeValues.offsetDateTime(r[4]), (String) r[5], (String) r[6], ((Number) r[7]).longValue()))
                .toList();
    }
}
