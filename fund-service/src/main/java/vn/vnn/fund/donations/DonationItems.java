package vn.vnn.fund.donations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.sql.TableOwner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The goods of in-kind donations (hiện vật), line by line: the one owner of {@code donation_item}. */
@ApplicationScoped
@TableOwner("donation_item")
public class DonationItems {

    private final EntityManager entityManager;

    DonationItems(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Writes the goods of a new donation, numbered from 1 in the order given. */
    /** Writes the goods of a donation; what was written, as read back. */
    List<DonationItem> add(UUID donationId, List<DonationEntry.Item> items) {
        List<DonationItem> written = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            DonationEntry.Item item = items.get(i);
            entityManager.createNativeQuery("""
                            INSERT INTO donation_item (donation_id, line, name, quantity, unit, value_vnd)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, donationId).setParameter(2, i + 1).setParameter(3, item.name().strip())
                    .setParameter(4, item.quantity()).setParameter(5, item.unit().strip())
                    .setParameter(6, item.valueVnd()).executeUpdate();
            // as the column keeps it (numeric(14,3)), so that the answer equals a later read
            written.add(new DonationItem(item.name().strip(), item.quantity().setScale(3, java.math.RoundingMode.HALF_UP),
                    item.unit().strip(), item.valueVnd()));
        }
        return written;
    }

    List<DonationItem> of(UUID donationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT name, quantity, unit, value_vnd FROM donation_item WHERE donation_id = ?1
                        ORDER BY line""").setParameter(1, donationId).getResultList();
        return rows.stream().map(r -> new DonationItem((String) r[0], (BigDecimal) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    /** The goods of many donations in one query rather than one per donation. */
    Map<UUID, List<DonationItem>> of(List<UUID> donationIds) {
        Map<UUID, List<DonationItem>> goods = new HashMap<>();
        if (donationIds.isEmpty()) {
            return goods;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT donation_id, name, quantity, unit, value_vnd FROM donation_item
                        WHERE donation_id = ANY(?1) ORDER BY donation_id, line""")
                .setParameter(1, donationIds.toArray(UUID[]::new)).getResultList();
        rows.forEach(r -> goods.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new DonationItem(
                (String) r[1], (BigDecimal) r[2], (String) r[3], ((Number) r[4]).longValue())));
        return goods;
    }
}
