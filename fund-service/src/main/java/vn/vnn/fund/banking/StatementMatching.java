package vn.vnn.fund.banking;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which statement line is which gift or payment (đối chiếu sao kê), in the order the issue sets: for a credit, the
 * reference code of an intent in its message, then a bank reference already recorded on a donation, then — only as
 * a suggestion for an officer to confirm — a recorded donation of the same amount within two days whose donor's name
 * resembles the line's; for a debit, the transfer reference of a disbursement's payment. A donation, an intent and a
 * payment are each taken by one line at most (the first); everything else is left unmatched, and zero-amount lines
 * are ignored.
 */
public final class StatementMatching {

    /** Days either side of a line's booking day within which a recorded donation may be suggested for it. */
    public static final int SUGGESTION_DAYS = 2;
    /** How alike the names must be (shared words over all words, without marks) for a suggestion. */
    public static final double NAME_SIMILARITY = 0.5;

    private StatementMatching() {
    }

    public enum Outcome { MATCHED, SUGGESTED, UNMATCHED, IGNORED }

    public enum By { REFERENCE_CODE, BANK_REFERENCE, AMOUNT_DATE_NAME, TRANSFER_REFERENCE }

    /** An open intent by its reference code. */
    public record Intent(UUID id, String referenceCode, Long amountVnd) {
    }

    /** A recorded donation: its bank reference if any, amount, day received and donor's name as recorded. */
    public record Donation(UUID id, String bankReference, long amountVnd, LocalDate receivedOn, String donorName) {
    }

    /** A disbursement's payment by bank transfer. */
    public record Payment(UUID id, String transferReference, long amountVnd) {
    }

    /** What became of one line. */
    public record Decision(int line, Outcome outcome, By by, UUID intentId, UUID donationId, UUID paymentId) {
        static Decision of(int line, Outcome outcome) {
            return new Decision(line, outcome, null, null, null, null);
        }
    }

    public static List<Decision> match(List<BankStatement.Line> lines, List<Intent> intents, List<Donation> donations,
                                       List<Payment> payments) {
        Map<String, Intent> byCode = intents.stream().collect(Collectors.toMap(Intent::referenceCode,
                Function.identity(), (a, b) -> a));
        Map<String, Donation> byBankReference = donations.stream().filter(d -> d.bankReference() != null)
                .collect(Collectors.toMap(d -> d.bankReference().strip(), Function.identity(), (a, b) -> a));
        Map<String, Payment> byTransfer = payments.stream().filter(p -> p.transferReference() != null)
                .collect(Collectors.toMap(p -> p.transferReference().strip(), Function.identity(), (a, b) -> a));
        // Only donations recorded without a bank reference are suggested, by their amount.
        Map<Long, List<Donation>> byAmount = donations.stream().filter(d -> d.bankReference() == null)
                .collect(Collectors.groupingBy(Donation::amountVnd));
        Set<UUID> taken = new HashSet<>();
        List<Decision> decisions = new ArrayList<>(lines.size());
        for (BankStatement.Line line : lines) {
            decisions.add(line.amountVnd() == 0 ? Decision.of(line.number(), Outcome.IGNORED)
                    : line.credit() ? credit(line, byCode, byBankReference,
                    byAmount.getOrDefault(line.amountVnd(), List.of()), taken)
                    : debit(line, byTransfer, taken));
        }
        return decisions;
    }

    private static Decision credit(BankStatement.Line line, Map<String, Intent> byCode,
                                   Map<String, Donation> byBankReference, List<Donation> donations, Set<UUID> taken) {
        for (String code : referenceCodes(line.message())) {
            Intent intent = byCode.get(code);
            if (intent != null && taken.add(intent.id())) {
                return new Decision(line.number(), Outcome.MATCHED, By.REFERENCE_CODE, intent.id(), null, null);
            }
        }
        if (line.bankReference() != null) {
            Donation donation = byBankReference.get(line.bankReference().strip());
            if (donation != null && donation.amountVnd() == line.amountVnd() && taken.add(donation.id())) {
                return new Decision(line.number(), Outcome.MATCHED, By.BANK_REFERENCE, null, donation.id(), null);
            }
        }
        Optional<Donation> suggested = suggestion(line, donations, taken);
        if (suggested.isPresent()) {
            taken.add(suggested.get().id());
            return new Decision(line.number(), Outcome.SUGGESTED, By.AMOUNT_DATE_NAME, null, suggested.get().id(),
                    null);
        }
        return Decision.of(line.number(), Outcome.UNMATCHED);
    }

    private static Decision debit(BankStatement.Line line, Map<String, Payment> byTransfer, Set<UUID> taken) {
        for (String token : tokens(line.bankReference() + " " + line.message())) {
            Payment payment = byTransfer.get(token);
            if (payment != null && payment.amountVnd() == -line.amountVnd() && taken.add(payment.id())) {
                return new Decision(line.number(), Outcome.MATCHED, By.TRANSFER_REFERENCE, null, null, payment.id());
            }
        }
        return Decision.of(line.number(), Outcome.UNMATCHED);
    }

    /** The one recorded donation, not yet taken, of the same amount, near in time, whose donor the line names. */
    private static Optional<Donation> suggestion(BankStatement.Line line, List<Donation> donations, Set<UUID> taken) {
        String named = line.counterpartyName() != null ? line.counterpartyName() : line.message();
        if (named == null) {
            return Optional.empty();
        }
        List<Donation> alike = donations.stream()
                .filter(d -> !taken.contains(d.id()) && d.bankReference() == null)
                .filter(d -> d.amountVnd() == line.amountVnd())
                .filter(d -> Math.abs(ChronoUnit.DAYS.between(d.receivedOn(), line.bookedOn())) <= SUGGESTION_DAYS)
                .filter(d -> d.donorName() != null && nameSimilarity(d.donorName(), named) >= NAME_SIMILARITY)
                .toList();
        return alike.size() == 1 ? Optional.of(alike.get(0)) : Optional.empty();
    }

    /**
     * The reference codes a transfer message may carry: six-character words (read as {@link ReferenceCodes} reads
     * them), and the end of a word that starts with VNN (banks sometimes drop the spaces).
     */
    static List<String> referenceCodes(String message) {
        List<String> codes = new ArrayList<>();
        if (message == null) {
            return codes;
        }
        for (String token : VietQr.foldMessage(message).toUpperCase(Locale.ROOT).split("[^0-9A-Z]+")) {
            String candidate = token.length() == ReferenceCodes.LENGTH ? token
                    : token.startsWith("VNN") && token.length() > 3 + ReferenceCodes.LENGTH
                    ? token.substring(token.length() - ReferenceCodes.LENGTH) : null;
            String code = ReferenceCodes.normalise(candidate);
            if (code != null && !codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static List<String> tokens(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[^0-9A-Za-z\\-_/.]+"))
                .filter(t -> !t.isEmpty()).toList();
    }

    /** Shared words over all words of the two names, without Vietnamese marks or case. */
    static double nameSimilarity(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(left);
        shared.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        // The donor's recorded name against the words of a message: how much of the name the message holds.
        return Math.max((double) shared.size() / all.size(), (double) shared.size() / left.size() * 0.9);
    }

    private static Set<String> words(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> w.length() > 1).collect(Collectors.toSet());
    }
}
