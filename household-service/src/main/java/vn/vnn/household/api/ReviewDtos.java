package vn.vnn.household.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.household.domain.ReviewCase;
import vn.vnn.household.domain.ReviewRound;
import vn.vnn.household.domain.ReviewWorkflow;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Requests and views of the review workflow. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    @Schema(description = "A review round of one commune. PERIODIC: 1 Sep – 14 Dec of the year; REGULAR: from the "
            + "15th of a month (opensOn)")
    public record RoundRequest(@NotBlank String communeCode, @NotNull ReviewWorkflow.Kind kind,
                               @NotNull @Min(2022) @Max(2100) Integer reviewYear, LocalDate opensOn,
                               @Schema(description = "Days the list stays posted (niêm yết): at least 3 (QĐ "
                                       + "24/2021/QĐ-TTg, 03 ngày)") @NotNull
                               @Min(value = ReviewWorkflow.MIN_POSTING_DAYS, message = "must be at least 3 days "
                                       + "(QĐ 24/2021/QĐ-TTg)") @Max(60) Integer postingDays,
                               @Schema(description = "Days for complaints after the posting: at least 1") @NotNull
                               @Min(value = ReviewWorkflow.MIN_COMPLAINT_DAYS, message = "must be at least 1 day")
                               @Max(60) Integer complaintDays) {
    }

    public record RoundView(UUID id, String communeCode, String kind, int reviewYear, LocalDate opensOn,
                            LocalDate closesOn, int postingDays, int complaintDays, String createdBy) {
        public static RoundView of(ReviewRound r) {
            return new RoundView(r.id, r.communeCode, r.kind.name(), r.reviewYear, r.opensOn, r.closesOn,
                    r.postingDays, r.complaintDays, r.createdBy);
        }
    }

    @Schema(description = "Households to list in the round; all of the commune's households when absent")
    public record ListingRequest(List<@NotNull UUID> householdIds) {
    }

    @Schema(description = "The survey: flags are derived from the household's data; the surveyor adds those the data "
            + "cannot decide (e.g. NUTRITION) and may give the measured income per person")
    public record SurveyRequest(@NotNull LocalDate surveyedOn, List<String> additionalDeprivations,
                                @Min(0) Long incomePerCapitaVnd) {
    }

    public record MeetingRequest(@NotNull LocalDate heldOn, @NotBlank @Size(max = 100) String minutesNo) {
    }

    public record PostingRequest(@NotNull LocalDate postedOn) {
    }

    public record ComplaintRequest(@NotNull LocalDate receivedOn, @NotBlank @Size(max = 1000) String summary) {
    }

    public record RecognitionStep(@NotNull LocalDate recognizedOn, @NotBlank @Size(max = 100) String decisionNo) {
    }

    public record CaseView(UUID id, UUID roundId, UUID householdId, String state, String proposedStatus,
                           Long incomePerCapitaVnd, List<String> deprivations, LocalDate surveyedOn,
                           LocalDate meetingOn, String meetingMinutesNo, LocalDate postedOn,
                           LocalDate complaintsUntil, int complaints, UUID recognitionId, long version) {
        public static CaseView of(ReviewCase c) {
            return new CaseView(c.id, c.roundId, c.householdId, c.state.name(),
                    c.proposedStatus == null ? null : c.proposedStatus.name(), c.incomePerCapitaVnd,
                    c.deprivations == null || c.deprivations.isEmpty() ? List.of()
                            : Arrays.asList(c.deprivations.split(",")),
                    c.surveyedOn, c.meetingOn, c.meetingMinutesNo, c.postedOn, c.complaintsUntil, c.complaints,
                    c.recognitionId, c.version);
        }
    }
}
