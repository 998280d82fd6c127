package vn.vnn.fund;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every test of a class that uses it: every ledger transaction balances, every kept balance equals the sum of
 * its entries, and no fund holds less than nothing. Reads the database over its own connection.
 */
public class LedgerBalanced implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             Statement query = db.createStatement()) {
            assertThat(count(query, """
                    SELECT count(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY transaction_id
                                          HAVING sum(debit_vnd) <> sum(credit_vnd)) x""")).as("unbalanced").isZero();
            assertThat(count(query, """
                    SELECT count(*) FROM fund_balance b FULL JOIN (
                        SELECT fund_id, account, sum(debit_vnd) - sum(credit_vnd) AS derived FROM ledger_entry
                        GROUP BY fund_id, account) e ON e.fund_id = b.fund_id AND e.account = b.account
                    WHERE coalesce(b.balance_vnd, 0) <> coalesce(e.derived, 0)""")).as("balances off").isZero();
            assertThat(count(query, "SELECT count(*) FROM fund_balance WHERE account IN ('CASH', 'IN_KIND') "
                    + "AND balance_vnd < 0")).as("negative").isZero();
            assertThat(count(query, """
                    SELECT count(*) FROM fund_balance b LEFT JOIN (
                        SELECT fund_id, sum(debit_vnd) - sum(credit_vnd) AS held FROM ledger_entry
                        WHERE holding IS NOT NULL GROUP BY fund_id) h ON h.fund_id = b.fund_id
                    WHERE b.account = 'CASH' AND b.balance_vnd <> coalesce(h.held, 0)""")).as("cash ≠ its holdings")
                    .isZero();
        }
    }

    private static long count(Statement query, String sql) throws Exception {
        try (ResultSet rs = query.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
