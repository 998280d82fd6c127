package vn.vnn.fund.funds;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Receipt numbers per fund and year without gaps (số biên lai liên tục). The counter row is incremented in the
 * donation's own transaction: concurrent donations of a fund queue on that row, and a donation that rolls back gives
 * its number back with it.
 */
@ApplicationScoped
@TableOwner("receipt_counter")
public class ReceiptNumbers {

    private final EntityManager entityManager;

    ReceiptNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(UUID fundId, int year) {
        return ((Number) entityManager.createNativeQuery("""
                        INSERT INTO receipt_counter (fund_id, year, last_number) VALUES (?1, ?2, 1)
                        ON CONFLICT (fund_id, year) DO UPDATE SET last_number = receipt_counter.last_number + 1
                        RETURNING last_number""")
                .setParameter(1, fundId).setParameter(2, year).getSingleResult()).intValue();
    }

    /** As printed on the receipt: fund code, year, six-digit number, e.g. {@code Q99/2025/000042}. */
    public static String format(String fundCode, int year, int number) {
        return fundCode + "/" + year + "/" + String.format("%06d", number);
    }
}
