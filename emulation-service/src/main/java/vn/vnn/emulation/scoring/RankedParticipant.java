package vn.vnn.emulation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A participant's place in a movement's table (see {@link Standing}). */
@Schema(name = "Standing", description = "A participant's rank, weighted score and value per criterion")
public record RankedParticipant(int rank, UUID participantId, String name, String kind, String areaCode,
                                BigDecimal score, List<Progress> values) {

    @Schema(name = "StandingValue")
    public record Progress(String criterion, BigDecimal value, BigDecimal target, BigDecimal progressPercent) {
    }
}
