package vn.vnn.emulation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.movements.Criterion;
import vn.vnn.emulation.movements.Movement;
import vn.vnn.emulation.participants.Participants;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.events.household.CommunePovertyRateV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.time.VietnamClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Moves the scores of measured criteria as events arrive: a donation adds its amount (and one donation) to its donor's
 * scores, an escape from poverty or a paid house to its commune's, in every movement running on the event's date in
 * the event's area (or nationwide); a cancelled donation takes back what it added. Incremental, never a rescan; who
 * the participants are is {@link Participants}' business, the set-wise writing {@link Scores}'. Runs in the
 * consumer's transaction after the inbox accepted the events, so once per event.
 */
@ApplicationScoped
public class MeasuredCriteria {

    private final Scores scores;
    private final Participants participants;
    private final VietnamClock clock;
    private final CommuneRates rates;

    MeasuredCriteria(Scores scores, Participants participants, VietnamClock clock, CommuneRates rates) {
        this.rates = rates;
        this.scores = scores;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * Credits donations to their donors' scores, except those whose cancellation came first.
     *
     * @return the donations credited, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DonationReceivedV1> onDonations(List<DonationReceivedV1> donations) {
        Set<String> claimed = scores.claimDonations(donations);
        List<DonationReceivedV1> credited = donations.stream().filter(d -> claimed.remove(d.donationId())).toList();
        if (credited.isEmpty()) {
            return credited;
        }
        Map<String, UUID> donors = participants.donors(credited.stream().map(d -> {
            if (d.anonymous() || d.donorId() == null) {
                throw new IllegalArgumentException("an anonymous gift is never credited to a participant");
            }
            return new Participants.Donor(d.donorId(), d.donorType(), d.donorName(), d.fundAreaCode());
        }).toList());
        applyAll(credited.stream().map(d -> new Contribution(() -> donors.get(d.donorId()), d.receivedOn(),
                List.of(d.fundAreaCode()), Map.of(
                Criterion.Measure.DONATED_VND, BigDecimal.valueOf(d.amountVnd()),
                Criterion.Measure.DONATIONS, BigDecimal.ONE), "DONATION", d.donationId(), false)).toList());
        return credited;
    }

    /**
     * Takes a cancelled donation back out of every score it raised; a threshold no longer met is no longer reached.
     *
     * @return whom the donation had been credited to; empty when it had not been (the cancellation came first, the
     *         donation never will; or it was anonymous and credited no one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Scores.Credited> onDonationCancelled(DonationCancelledV1 cancellation) {
        return scores.cancelDonation(cancellation);
    }

    /** An escape from poverty, a fall back into it or a first poverty counts for the household's commune. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRecognition(HouseholdStatusRecognizedV1 recognition) {
        Criterion.Measure measure = switch (recognition.transition()) {
            case "ESCAPED_POVERTY" -> Criterion.Measure.HOUSEHOLDS_ESCAPED;
            case "RE_POOR" -> Criterion.Measure.HOUSEHOLDS_RE_POOR;
            case "NEWLY_POOR" -> Criterion.Measure.HOUSEHOLDS_NEWLY_POOR;
            default -> null;
        };
        if (measure != null) {
            applyAll(List.of(new Contribution(() -> participants.commune(recognition.communeCode(),
                    recognition.provinceCode()), recognition.recognizedOn(),
                    areas(recognition.communeCode(), recognition.provinceCode()), Map.of(measure, BigDecimal.ONE),
                    "RECOGNITION", recognition.decisionNo() != null ? recognition.decisionNo()
                    : "review " + recognition.reviewYear(), false)));
        }
    }

    /**
     * Support paid counts for the household's commune; a house (purpose HOUSING) is one house built or repaired, as
     * the payment says (a new build when it does not), counted once for its household however many payments it took.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDisbursement(DisbursementPaidV1 payment) {
        // The event names no province; the commune's participant knows it from the recognitions it has seen.
        String provinceCode = participants.provinceOfCommune(payment.communeCode());
        Supplier<UUID> commune = () -> participants.commune(payment.communeCode(), provinceCode);
        List<String> areas = areas(payment.communeCode(), provinceCode);
        List<Contribution> contributions = new ArrayList<>();
        contributions.add(new Contribution(commune, payment.paidOn(), areas, Map.of(
                Criterion.Measure.SUPPORT_RECEIVED_VND, BigDecimal.valueOf(payment.amountVnd())), "DISBURSEMENT",
                payment.disbursementId(), false));
        if ("HOUSING".equals(payment.purpose())) {
            String house = payment.householdId() != null ? payment.householdId() : payment.disbursementId();
            boolean repair = "REPAIR".equals(payment.houseWork());
            contributions.add(new Contribution(commune, payment.paidOn(), areas, Map.of(
                    repair ? Criterion.Measure.HOUSES_REPAIRED : Criterion.Measure.HOUSES_BUILT, BigDecimal.ONE),
                    repair ? "HOUSE_REPAIR" : "HOUSE", house, true));
        }
        applyAll(contributions);
    }

    /**
     * A commune's figures of a year (docs/domain-rules.md, emulation rule 12): on every POVERTY_RATE_FALL criterion of
     * the movements in its areas that the year bears on — the year before one starts (its baseline) or a year within
     * it — the commune's value becomes the rate of the year before the movement minus the latest rate of a year within
     * it, of the same commune version; the score moves by the difference, with the figures as its evidence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPovertyRate(CommunePovertyRateV1 figures) {
        rates.keep(figures);
        String commune = figures.communeCode();
        List<Scores.RunningCriterion> criteria = scores.running(LocalDate.of(figures.year(), 1, 1),
                LocalDate.of(figures.year() + 1, 12, 31), areas(commune, figures.provinceCode()).toArray(String[]::new),
                new String[] {Criterion.Measure.POVERTY_RATE_FALL.name()});
        Map<Scores.Key, Scores.Delta> deltas = new TreeMap<>();
        List<Scores.Credit> credits = new ArrayList<>();
        UUID participant = null;
        for (Scores.RunningCriterion criterion : criteria) {
            int baseYear = criterion.startsOn().getYear() - 1;
            Optional<CommuneRates.Rate> base = rates.of(commune, figures.communeVersionFrom(), baseYear);
            Optional<CommuneRates.Rate> latest = rates.latest(commune, figures.communeVersionFrom(), baseYear + 1,
                    criterion.endsOn().getYear());
            if (base.isEmpty() || latest.isEmpty()) {
                continue;
            }
            participant = participant != null ? participant : participants.commune(commune, figures.provinceCode());
            BigDecimal fall = base.get().percent().subtract(latest.get().percent());
            BigDecimal delta = fall.subtract(scores.current(criterion.id(), participant));
            if (delta.signum() == 0) {
                continue;
            }
            LocalDate on = figures.asOf().isBefore(criterion.startsOn()) ? criterion.startsOn()
                    : figures.asOf().isAfter(criterion.endsOn()) ? criterion.endsOn() : figures.asOf();
            deltas.put(new Scores.Key(criterion.id(), participant), new Scores.Delta(criterion.movementId(), on,
                    delta, 1));
            credits.add(new Scores.Credit(criterion.movementId(), criterion.id(), participant, "STATISTICS",
                    commune + "@" + latest.get().year() + "@" + figures.asOf(), on, delta));
        }
        if (!deltas.isEmpty()) {
            register(deltas);
            scores.add(deltas);
            scores.remember(credits);
        }
    }

    /** A verified piece of evidence counts for its criterion as an event would, on the day it is verified. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addVerified(UUID movementId, UUID criterionId, UUID participant, BigDecimal value, UUID evidenceId) {
        LocalDate today = clock.today();
        Map<Scores.Key, Scores.Delta> delta = Map.of(new Scores.Key(criterionId, participant),
                new Scores.Delta(movementId, today, value, 1));
        register(delta);
        scores.add(delta);
        scores.remember(List.of(new Scores.Credit(movementId, criterionId, participant, "EVIDENCE",
                evidenceId.toString(), today, value)));
    }

    private static List<String> areas(String commune, String province) {
        return province == null ? List.of(commune) : List.of(commune, province);
    }

    /**
     * One event's share: whose score, on which date, in which areas, how much per measure, and what it was; a
     * contribution {@code once} counts for a score only the first time its source is seen (a house, not a payment).
     */
    private record Contribution(Supplier<UUID> participant, LocalDate date, List<String> areas,
                                Map<Criterion.Measure, BigDecimal> deltas, String sourceKind, String sourceRef,
                                boolean once) {

        boolean countsFor(Scores.RunningCriterion criterion) {
            return deltas.containsKey(criterion.measure()) && !date.isBefore(criterion.startsOn())
                    && !date.isAfter(criterion.endsOn())
                    && (Movement.NATIONAL.equals(criterion.areaCode()) || areas.contains(criterion.areaCode()));
        }
    }

    /**
     * Adds each contribution's deltas to its participant's score on every criterion with that measure of every
     * movement running on its date in one of its areas or nationwide: the criteria are read once, the deltas summed
     * per score, and each table written in one statement.
     */
    private void applyAll(List<Contribution> contributions) {
        LocalDate from = contributions.stream().map(Contribution::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = contributions.stream().map(Contribution::date).max(LocalDate::compareTo).orElseThrow();
        List<Scores.RunningCriterion> criteria = scores.running(from, to,
                contributions.stream().flatMap(c -> c.areas().stream()).distinct().toArray(String[]::new),
                contributions.stream().flatMap(c -> c.deltas().keySet().stream()).distinct().map(Enum::name)
                        .toArray(String[]::new));
        if (criteria.isEmpty()) {
            return;
        }
        Map<Scores.Key, Scores.Delta> deltas = new TreeMap<>();
        List<Scores.Credit> credits = new ArrayList<>();
        Set<List<Object>> once = new java.util.HashSet<>();
        for (Contribution contribution : contributions) {
            UUID participant = null;
            for (Scores.RunningCriterion criterion : criteria) {
                if (!contribution.countsFor(criterion)) {
                    continue;
                }
                participant = participant != null ? participant : contribution.participant().get();
                if (contribution.once() && !once.add(List.<Object>of(criterion.id(), participant, contribution.sourceRef()))
                        || contribution.once() && scores.credited(criterion.id(), participant,
                        contribution.sourceKind(), contribution.sourceRef())) {
                    continue;
                }
                BigDecimal value = contribution.deltas().get(criterion.measure());
                deltas.merge(new Scores.Key(criterion.id(), participant),
                        new Scores.Delta(criterion.movementId(), contribution.date(), value, 1),
                        (sum, one) -> sum.plus(one.firstDate(), one.value()));
                credits.add(new Scores.Credit(criterion.movementId(), criterion.id(), participant,
                        contribution.sourceKind(), contribution.sourceRef(), contribution.date(), value));
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        register(deltas);
        scores.add(deltas);
        scores.remember(credits);
    }

    /** Measured participants take part in the movements they score in, from their first event's date. */
    private void register(Map<Scores.Key, Scores.Delta> deltas) {
        Map<List<UUID>, LocalDate> registrations = new TreeMap<>(
                java.util.Comparator.<List<UUID>, UUID>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        deltas.forEach((key, delta) -> registrations.merge(List.of(delta.movementId(), key.participantId()),
                delta.firstDate(), (a, b) -> a.isBefore(b) ? a : b));
        participants.registerMeasured(registrations.entrySet().stream().map(e -> new Participants.Registration(
                e.getKey().get(0), e.getKey().get(1), e.getValue())).toList());
    }
}
