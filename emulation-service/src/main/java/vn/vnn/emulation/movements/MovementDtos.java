package vn.vnn.emulation.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.emulation.domain.Criterion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Movements, their criteria and standings. */
public final class MovementDtos {

    private MovementDtos() {
    }

    @Schema(name = "MovementRequest")
    public record MovementRequest(
            @Schema(examples = "VNN-2025") @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,30}") String code,
            @Schema(examples = "Phong trào \"Vì người nghèo – Không để ai bị bỏ lại phía sau\" 2025")
            @NotBlank @Size(max = 300) String name,
            @Schema(description = "REGULAR or THEMATIC") @NotBlank @Pattern(regexp = "REGULAR|THEMATIC") String kind,
            @Schema(description = "Area code of the scope; VN for the whole country", examples = "99")
            @NotBlank @Pattern(regexp = "[0-9A-Z]{2,20}") String areaCode,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @Size(max = 4000) String goals,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull CriterionRequest> criteria) {
    }

    @Schema(name = "CriterionRequest")
    public record CriterionRequest(
            @Schema(examples = "DONATED") @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}") String code,
            @NotBlank @Size(max = 300) String name,
            @Schema(description = "DONATED_VND and DONATIONS are measured from fund.donation-received.v1; MANUAL "
                    + "from verified evidence") @NotNull Criterion.Measure measure,
            @NotNull @Positive BigDecimal weight,
            @NotNull @Positive BigDecimal target,
            @Schema(description = "Reaching it makes a participant a nomination candidate")
            @DecimalMin("0") BigDecimal candidateThreshold) {
    }

    @Schema(name = "Criterion")
    public record CriterionView(UUID id, String code, String name, String measure, BigDecimal weight,
                                BigDecimal target, BigDecimal candidateThreshold) {
    }

    @Schema(name = "Movement")
    public record MovementView(UUID id, String code, String name, String kind, String areaCode, LocalDate startsOn,
                               LocalDate endsOn, String goals, List<CriterionView> criteria, long participants,
                               long version) {
    }

    @Schema(name = "StandingValue")
    public record Value(String criterion, BigDecimal value, BigDecimal target, BigDecimal progressPercent) {
    }

    @Schema(name = "Standing", description = "A participant's rank, weighted score and value per criterion")
    public record StandingView(int rank, UUID participantId, String name, String kind, String areaCode,
                               BigDecimal score, List<Value> values) {
    }

    @Schema(name = "Candidate", description = "A participant who crossed a criterion's threshold, with the evidence")
    public record CandidateView(UUID participantId, String name, String kind, String criterion, BigDecimal value,
                                BigDecimal threshold, OffsetDateTime reachedAt, int events) {
    }

    @Schema(name = "ScoreCredit", description = "One event's share of a score: what it was (DONATION with the "
            + "donation id, RECOGNITION with the decision number, DISBURSEMENT with the payment id, EVIDENCE with "
            + "the evidence id), when, and how much")
    public record CreditView(String criterion, String sourceKind, String sourceRef, java.time.LocalDate occurredOn,
                             BigDecimal value, boolean takenBack) {
    }
}
