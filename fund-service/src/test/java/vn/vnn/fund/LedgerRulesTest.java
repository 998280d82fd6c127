package vn.vnn.fund;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.Account;
import vn.vnn.fund.disbursements.Disbursement;
import vn.vnn.fund.funds.LedgerEntry;
import vn.vnn.fund.funds.CashHolding;
import java.util.UUID;
import vn.vnn.fund.disbursements.SupportEligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerRulesTest {

    @Property
    void debitsSplitAcrossAccountsBalanceTheirCredit(@ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1,
            max = 1_000_000_000_000L) Long> debits) {
        List<LedgerEntry> entries = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < debits.size(); i++) {
            Account account = Account.values()[i % Account.values().length];
            entries.add(account == Account.CASH ? LedgerEntry.debit(CashHolding.OFFICE, debits.get(i))
                    : LedgerEntry.debit(account, debits.get(i)));
            total += debits.get(i);
        }
        entries.add(LedgerEntry.credit(Account.CAPITAL, total));
        LedgerEntry.requireBalanced(entries);
        assertThat(entries.stream().mapToLong(LedgerEntry::delta).sum()).isZero();
    }

    @Property
    void anyDifferenceIsRefused(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount,
                                @ForAll @IntRange(min = 1, max = 1000) int off) {
        assertThatThrownBy(() -> LedgerEntry.requireBalanced(List.of(LedgerEntry.debit(CashHolding.BANK, amount),
                LedgerEntry.credit(Account.CAPITAL, amount + off)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryIsOneSidedAndPositive() {
        assertThatThrownBy(() -> new LedgerEntry(Account.CASH, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(Account.CASH, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.debit(Account.CASH, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerEntry.requireBalanced(List.of(LedgerEntry.debit(CashHolding.BANK, 5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cashAndOnlyCashNamesWhereItIsHeld() {
        assertThatThrownBy(() -> LedgerEntry.debit(Account.CASH, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(Account.CAPITAL, 0, 5, CashHolding.OFFICE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CashHolding("SAFE")).isInstanceOf(IllegalArgumentException.class);
        UUID account = UUID.randomUUID();
        assertThat(CashHolding.bank(account).bankAccountId()).isEqualTo(account);
        assertThat(new CashHolding(CashHolding.bank(account).code())).isEqualTo(CashHolding.bank(account));
        assertThat(CashHolding.BANK.bankAccountId()).isNull();
        assertThat(LedgerEntry.credit(CashHolding.TREASURY, 5).account()).isEqualTo(Account.CASH);
    }

    @Test
    void supportGoesToHouseholdsOfTheLatestReviewOrWithAStatedHardship() {
        assertThat(SupportEligibility.of("POOR", 2025, 2026, null)).contains(Disbursement.Eligibility.POOR);
        assertThat(SupportEligibility.of("NEAR_POOR", 2026, 2026, null)).contains(Disbursement.Eligibility.NEAR_POOR);
        assertThat(SupportEligibility.of("POOR", 2024, 2026, null)).isEmpty(); // an older review no longer counts
        assertThat(SupportEligibility.of("NOT_POOR", 2025, 2026, null)).isEmpty();
        assertThat(SupportEligibility.of(null, null, 2026, "  ")).isEmpty();
        assertThat(SupportEligibility.of("NOT_POOR", 2025, 2026, "Nhà bị sập do bão"))
                .isEqualTo(Optional.of(Disbursement.Eligibility.HARDSHIP));
    }
}
