package vn.vnn.household.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What a partner sends to verify a status, and what it is told. */
public final class VerificationDtos {

    private VerificationDtos() {
    }

    @Schema(name = "VerificationSubject", description = "A citizen ID, or a household's reference with its commune")
    public record Subject(
            @Schema(description = "Số định danh cá nhân (12 digits)", examples = "001085012345")
            @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String citizenId,
            @Schema(description = "The household's reference (mã hộ) in its commune") @Size(max = 50)
            @Pattern(regexp = "[0-9A-Za-z._/-]{1,50}") String householdRef,
            @Pattern(regexp = "[0-9]{5}", message = "must be a commune code of 5 digits") String communeCode) {

        StatusVerifications.Subject command() {
            return new StatusVerifications.Subject(citizenId, householdRef, communeCode);
        }
    }

    @Schema(name = "VerificationRequest", description = "One subject, the purpose (granted to your client) and the "
            + "day the status is asked for (today when left out)")
    public record Request(
            @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String citizenId,
            @Size(max = 50) @Pattern(regexp = "[0-9A-Za-z._/-]{1,50}") String householdRef,
            @Pattern(regexp = "[0-9]{5}", message = "must be a commune code of 5 digits") String communeCode,
            @Schema(examples = "2026-11-30") LocalDate asOf,
            @Schema(description = "Why you ask, e.g. SOCIAL_POLICY_LOAN, HEALTH_INSURANCE, SCHOOL_FEES")
            @NotBlank @Size(max = 50) String purpose) {
    }

    @Schema(name = "BulkVerificationRequest", description = "Up to 1,000 subjects answered at once, in the same order; "
            + "up to 10,000 as a job")
    public record Bulk(@NotNull @Size(min = 1, max = VerificationJobs.MAX_JOB_SUBJECTS) List<@Valid @NotNull Subject>
                               subjects,
                       LocalDate asOf, @NotBlank @Size(max = 50) String purpose) {
    }

    @Schema(name = "Verification", description = "Only the status: never members, names or other data")
    public record View(
            @Schema(description = "Whether the subject was found in the areas your client reaches") boolean matched,
            @Schema(description = "POOR, NEAR_POOR, OTHER or NOT_FOUND") String status,
            @Schema(description = "The review that recognised it") Integer reviewYear,
            @Schema(description = "The recognising decision's number") String decisionNo,
            @Schema(description = "The recognising decision's date") LocalDate decisionDate,
            @Schema(description = "The household's commune") String areaCode,
            @Schema(description = "Until when the status holds (end of the year after its review), unless a later "
                    + "recognition changes it") LocalDate validUntil) {

        static View of(StatusVerifications.Answer a) {
            return new View(a.matched(), a.status(), a.reviewYear(), a.decisionNo(), a.decisionDate(), a.areaCode(),
                    a.validUntil());
        }
    }

    @Schema(name = "NumberedVerification", description = "One answer of a job, with the subject's place in the request")
    public record NumberedView(int index, View answer) {
    }
}
