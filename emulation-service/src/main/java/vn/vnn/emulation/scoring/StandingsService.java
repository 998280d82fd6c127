package vn.vnn.emulation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.movements.Criterion;
import vn.vnn.emulation.movements.EmulationScope;
import vn.vnn.emulation.movements.Movement;
import vn.vnn.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Standings and candidates of a movement, read from the incrementally kept scores; the credits behind a score. */
@ApplicationScoped
public class StandingsService {

    private final Scores scores;
    private final EmulationScope scope;

    StandingsService(Scores scores, EmulationScope scope) {
        this.scores = scores;
        this.scope = scope;
    }

    /** Every registered participant ranked by weighted score; optionally only one kind (COLLECTIVE, …). */
    @Transactional
    public List<RankedParticipant> standings(UUID movementId, String kind, String areaCode, String criterionCode,
                                             int limit) {
        Movement movement = scope.movement(movementId);
        List<Criterion> criteria = Criterion.of(movement.id);
        if (criterionCode != null && criteria.stream().noneMatch(c -> c.code.equals(criterionCode))) {
            throw ProblemException.invalid("criterion", "this movement has no criterion " + criterionCode);
        }
        Map<UUID, Scores.StandingRow> participants = new LinkedHashMap<>();
        Map<UUID, Map<UUID, BigDecimal>> values = new LinkedHashMap<>();
        for (Scores.StandingRow row : scores.standing(movement.id, kind, areaCode)) {
            participants.putIfAbsent(row.participantId(), row);
            Map<UUID, BigDecimal> own = values.computeIfAbsent(row.participantId(), p -> new LinkedHashMap<>());
            if (row.criterionId() != null) {
                own.put(row.criterionId(), row.value());
            }
        }
        List<Standing.Entry> entries = new ArrayList<>();
        for (UUID participant : participants.keySet()) {
            List<Standing.Value> own = criteria.stream().map(c -> new Standing.Value(c.code,
                    values.get(participant).getOrDefault(c.id, BigDecimal.ZERO), c.target, c.weight,
                    c.measure.lowerIsBetter())).toList();
            // Ranked by one criterion: its progress to target alone (against the participant where more is worse).
            BigDecimal score = criterionCode == null ? Standing.score(own)
                    : Standing.score(own.stream().filter(v -> v.criterion().equals(criterionCode))
                    .map(v -> new Standing.Value(v.criterion(), v.value(), v.target(), BigDecimal.ONE,
                            v.lowerIsBetter())).toList());
            entries.add(new Standing.Entry(participant.toString(), own, score));
        }
        List<Standing.Entry> ranked = Standing.rank(entries);
        List<RankedParticipant> result = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Standing.Entry entry = ranked.get(i);
            if (previous == null || entry.score().compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = entry.score();
            Scores.StandingRow p = participants.get(UUID.fromString(entry.participantId()));
            result.add(new RankedParticipant(rank, p.participantId(), p.name(), p.kind(), p.areaCode(),
                    entry.score(), entry.values().stream().map(v -> new RankedParticipant.Progress(v.criterion(),
                    v.value(), v.target(), v.progress().multiply(BigDecimal.valueOf(100))
                    .setScale(2, RoundingMode.HALF_UP))).toList()));
        }
        return result;
    }

    /** What moved a participant's scores in a movement, newest first. */
    @Transactional
    public List<ScoreCredit> credits(UUID movementId, UUID participantId, int limit) {
        return scores.credits(scope.movement(movementId).id, participantId, limit);
    }

    /** "Promptly discover": participants who crossed a criterion's threshold, first to cross first. */
    @Transactional
    public List<Candidate> candidates(UUID movementId) {
        return scores.candidates(scope.movement(movementId).id);
    }
}
