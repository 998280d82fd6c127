package vn.vnn.fund.donors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Donors' gifts and pledges read set-wise across funds, handed out as typed records. */
@ApplicationScoped
@TableOwner({"donation (by donor)", "pledge (by donor)"})
public class DonorGiving {

    private final EntityManager entityManager;

    DonorGiving(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Accepted donations of each donor, to the funds of {@code areas} only (all funds when null). */
    Map<UUID, DonorGifts> gifts(List<UUID> donors, String[] areas) {
        Map<UUID, DonorGifts> gifts = new HashMap<>();
        if (donors.isEmpty()) {
            return gifts;
        }
        var query = entityManager.createNativeQuery("""
                        SELECT donor_id, count(*), sum(amount_vnd), min(received_on), max(received_on)
                        FROM donation WHERE status = 'ACCEPTED' AND donor_id = ANY(?1) %s
                        GROUP BY donor_id""".formatted(areas == null ? ""
                        : "AND fund_id IN (SELECT id FROM fund WHERE area_code = ANY(?2))"))
                .setParameter(1, donors.toArray(UUID[]::new));
        if (areas != null) {
            query.setParameter(2, areas);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(r -> gifts.put((UUID) r[0], new DonorGifts(((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), NativeValues.localDate(r[3]), NativeValues.localDate(r[4]))));
        return gifts;
    }

    /** Whether the donor gave or pledged to a fund outside {@code areas}. */
    boolean givenOutside(UUID donorId, String[] areas) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM fund f
                        WHERE f.area_code <> ALL(?2)
                          AND (EXISTS (SELECT 1 FROM donation d WHERE d.fund_id = f.id AND d.donor_id = ?1)
                               OR EXISTS (SELECT 1 FROM pledge p WHERE p.fund_id = f.id AND p.donor_id = ?1))""")
                .setParameter(1, donorId).setParameter(2, areas).getSingleResult()).longValue() > 0;
    }
}
