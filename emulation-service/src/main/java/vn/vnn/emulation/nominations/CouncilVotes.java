package vn.vnn.emulation.nominations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.sql.TableOwner;

import java.util.List;
import java.util.UUID;

/** The votes of council members on nominations: one per member, changeable until counted. */
@ApplicationScoped
@TableOwner("council_vote")
public class CouncilVotes {

    private final EntityManager entityManager;

    CouncilVotes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void cast(UUID nominationId, String member, String vote) {
        entityManager.createNativeQuery("""
                        INSERT INTO council_vote (nomination_id, member, vote, voted_at) VALUES (?1, ?2, ?3, now())
                        ON CONFLICT (nomination_id, member) DO UPDATE SET vote = EXCLUDED.vote,
                                                                          voted_at = EXCLUDED.voted_at""")
                .setParameter(1, nominationId).setParameter(2, member).setParameter(3, vote).executeUpdate();
    }

    /** The votes cast (YES, NO, ABSTAIN), one per member who voted. */
    List<String> of(UUID nominationId) {
        @SuppressWarnings("unchecked")
        List<String> votes = entityManager.createNativeQuery(
                        "SELECT vote FROM council_vote WHERE nomination_id = ?1")
                .setParameter(1, nominationId).getResultList();
        return votes;
    }
}
