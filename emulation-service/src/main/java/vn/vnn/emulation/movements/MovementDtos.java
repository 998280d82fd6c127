package vn.vnn.emulation.movements;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the movement endpoints answer. */
public final class MovementDtos {

    private MovementDtos() {
    }

    @Schema(name = "Criterion")
    public record CriterionView(UUID id, String code, String name, String measure, BigDecimal weight,
                                BigDecimal target, BigDecimal candidateThreshold) {
        static CriterionView of(Criterion c) {
            return new CriterionView(c.id, c.code, c.name, c.measure.name(), c.weight, c.target, c.candidateThreshold);
        }
    }

    @Schema(name = "Movement")
    public record MovementView(UUID id, String code, String name, String kind, String areaCode, LocalDate startsOn,
                               LocalDate endsOn, String goals, List<CriterionView> criteria, long participants,
                               long version) {
        public static MovementView of(MovementRecord r) {
            Movement m = r.movement();
            return new MovementView(m.id, m.code, m.name, m.kind, m.areaCode, m.startsOn, m.endsOn, m.goals,
                    r.criteria().stream().map(CriterionView::of).toList(), r.participants(), m.version);
        }
    }
}
