package vn.vnn.fund;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.banking.BankStatement;
import vn.vnn.fund.banking.StatementMatching;
import vn.vnn.fund.banking.StatementMatching.By;
import vn.vnn.fund.banking.StatementMatching.Decision;
import vn.vnn.fund.banking.StatementMatching.Donation;
import vn.vnn.fund.banking.StatementMatching.Intent;
import vn.vnn.fund.banking.StatementMatching.Outcome;
import vn.vnn.fund.banking.StatementMatching.Payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Statement lines matched to intents, donations and payments in the order the rules set; nothing taken twice. */
class StatementMatchingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static BankStatement.Line credit(int n, long amount, String reference, String message, String name) {
        return new BankStatement.Line(n, DAY, amount, reference, message, name, null);
    }

    @Test
    void eachRuleInItsOrder() {
        Intent intent = new Intent(UUID.randomUUID(), "7K3M2P", 500_000L);
        Donation recorded = new Donation(UUID.randomUUID(), "FT001", 1_200_000, DAY, "Nguyễn Văn An");
        Donation typedByHand = new Donation(UUID.randomUUID(), null, 300_000, DAY.minusDays(2), "Trần Thị Bích");
        Payment payment = new Payment(UUID.randomUUID(), "PAY-0042", 2_000_000);
        List<BankStatement.Line> lines = List.of(
                credit(1, 500_000, "FT000", "vnn q99 7k3m2p ung ho", null),
                credit(2, 1_200_000, "FT001", "chuyen tien", null),
                credit(3, 300_000, "FT002", "ung ho quy", "TRAN THI BICH"),
                credit(4, 300_000, "FT003", "ung ho quy", "LE VAN CUONG"),
                new BankStatement.Line(5, DAY, -2_000_000, "FT004", "Chi ho tro PAY-0042", null, null),
                new BankStatement.Line(6, DAY, 0, "FT005", "phi", null, null),
                credit(7, 500_000, "FT006", "VNNQ997K3M2P", null));
        List<Decision> decisions = StatementMatching.match(lines, List.of(intent), List.of(recorded, typedByHand),
                List.of(payment));
        assertThat(decisions).extracting(Decision::outcome).containsExactly(Outcome.MATCHED, Outcome.MATCHED,
                Outcome.SUGGESTED, Outcome.UNMATCHED, Outcome.MATCHED, Outcome.IGNORED, Outcome.UNMATCHED);
        assertThat(decisions).extracting(Decision::by).containsExactly(By.REFERENCE_CODE, By.BANK_REFERENCE,
                By.AMOUNT_DATE_NAME, null, By.TRANSFER_REFERENCE, null, null);
        assertThat(decisions.get(0).intentId()).isEqualTo(intent.id());
        assertThat(decisions.get(1).donationId()).isEqualTo(recorded.id());
        assertThat(decisions.get(2).donationId()).isEqualTo(typedByHand.id());
        assertThat(decisions.get(4).paymentId()).isEqualTo(payment.id());
    }

    @Test
    void aCodeInAMessageWithoutSpacesOrWithLookAlikesIsFound() {
        Intent intent = new Intent(UUID.randomUUID(), "0K1M2P", null);
        assertThat(StatementMatching.match(List.of(credit(1, 10_000, null, "VNNQ99OK1M2P", null)), List.of(intent),
                List.of(), List.of())).extracting(Decision::intentId).containsExactly(intent.id());
        assertThat(StatementMatching.match(List.of(credit(1, 10_000, null, "ung ho OKLM2P nhe", null)),
                List.of(intent), List.of(), List.of())).extracting(Decision::intentId).containsExactly(intent.id());
    }

    @Test
    void aSuggestionNeedsOneCandidateOnly() {
        Donation a = new Donation(UUID.randomUUID(), null, 300_000, DAY, "Trần Thị Bích");
        Donation b = new Donation(UUID.randomUUID(), null, 300_000, DAY.plusDays(1), "Trần Thị Bích");
        Donation far = new Donation(UUID.randomUUID(), null, 300_000, DAY.plusDays(3), "Trần Thị Bích");
        assertThat(StatementMatching.match(List.of(credit(1, 300_000, null, "ung ho", "TRAN THI BICH")),
                List.of(), List.of(a, b), List.of())).extracting(Decision::outcome)
                .containsExactly(Outcome.UNMATCHED);
        assertThat(StatementMatching.match(List.of(credit(1, 300_000, null, "ung ho", "TRAN THI BICH")),
                List.of(), List.of(far), List.of())).extracting(Decision::outcome)
                .containsExactly(Outcome.UNMATCHED);
    }

    /** Whatever the lines and candidates: no intent, donation or payment is taken by two lines. */
    @Property(tries = 300)
    void nothingIsTakenTwice(@ForAll("lines") List<BankStatement.Line> lines) {
        List<Intent> intents = new ArrayList<>();
        List<Donation> donations = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            intents.add(new Intent(UUID.randomUUID(), "C0DE0" + i, null));
            donations.add(new Donation(UUID.randomUUID(), i % 2 == 0 ? "REF" + i : null, 1_000L * (i + 1), DAY,
                    "Người Số " + i));
            payments.add(new Payment(UUID.randomUUID(), "PAY" + i, 1_000L * (i + 1)));
        }
        List<Decision> decisions = StatementMatching.match(lines, intents, donations, payments);
        assertThat(decisions).hasSameSizeAs(lines);
        Set<UUID> seen = new HashSet<>();
        for (Decision d : decisions) {
            for (UUID id : new UUID[]{d.intentId(), d.donationId(), d.paymentId()}) {
                if (id != null) {
                    assertThat(seen.add(id)).as("taken twice: " + id).isTrue();
                }
            }
            assertThat(d.outcome() == Outcome.MATCHED || d.outcome() == Outcome.SUGGESTED)
                    .isEqualTo(d.intentId() != null || d.donationId() != null || d.paymentId() != null);
        }
        assertThat(decisions.stream().map(Decision::line).filter(Objects::nonNull).toList())
                .containsExactlyElementsOf(lines.stream().map(BankStatement.Line::number).toList());
    }

    @Provide
    Arbitrary<List<BankStatement.Line>> lines() {
        Arbitrary<String> words = Arbitraries.of("CODE00", "CODE01", "code02", "VNNQ99CODE03", "REF0", "REF2",
                "PAY1", "PAY3", "Nguoi So 2", "ung ho", "", "ZZZZZZ");
        Arbitrary<Long> amounts = Arbitraries.of(0L, 1_000L, 2_000L, 3_000L, -1_000L, -2_000L, -4_000L, 5_000L);
        return Arbitraries.integers().between(0, 30).flatMap(size -> {
            List<Arbitrary<BankStatement.Line>> each = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                int n = i;
                each.add(net.jqwik.api.Combinators.combine(amounts, words, words, words).as((amount, reference,
                        message, name) -> new BankStatement.Line(n, DAY, amount, reference, message + " " + name,
                        name.isEmpty() ? null : name, null)));
            }
            return net.jqwik.api.Combinators.combine(each).as(List::copyOf);
        });
    }
}
