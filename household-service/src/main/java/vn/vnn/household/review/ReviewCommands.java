package vn.vnn.household.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What officers do in a review round: the bodies of the review endpoints, taken as they are by the use case. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    @Schema(name = "RoundRequest", description = "A review round of one commune. PERIODIC: 1 Sep – 14 Dec of the "
            + "year; REGULAR: from the 15th of a month (opensOn)")
    public record OpenRound(@NotBlank String communeCode, @NotNull ReviewWorkflow.Kind kind,
                            @NotNull @Min(2022) @Max(2100) Integer reviewYear, LocalDate opensOn,
                            @Schema(description = "Days the list stays posted (niêm yết): at least 3 (QĐ "
                                    + "24/2021/QĐ-TTg, 03 ngày)") @NotNull
                            @Min(value = ReviewWorkflow.MIN_POSTING_DAYS, message = "must be at least 3 days "
                                    + "(QĐ 24/2021/QĐ-TTg)") @Max(60) Integer postingDays,
                            @Schema(description = "Days for complaints after the posting: at least 1") @NotNull
                            @Min(value = ReviewWorkflow.MIN_COMPLAINT_DAYS, message = "must be at least 1 day")
                            @Max(60) Integer complaintDays,
                            @Schema(description = "Count the periods in working days, as QĐ 24/2021/QĐ-TTg does "
                                    + "(default true); false for calendar days") Boolean workingDays,
                            @Schema(description = "The poverty standard to classify by (default: the one in force "
                                    + "on 1 January of the year the round decides: the next year for a periodic "
                                    + "review)", examples = "VN-MPS-2022") @Size(max = 40) String standardCode) {
        /** The short form, with the law's defaults. */
        public OpenRound(String communeCode, ReviewWorkflow.Kind kind, Integer reviewYear, LocalDate opensOn,
                         Integer postingDays, Integer complaintDays) {
            this(communeCode, kind, reviewYear, opensOn, postingDays, complaintDays, null, null);
        }
    }

    @Schema(name = "ListingRequest",
            description = "Households to list in the round; all of the commune's households when absent")
    public record Listing(List<@NotNull UUID> householdIds) {
    }

    @Schema(name = "SurveyRequest", description = "The survey: flags are derived from the household's data; the "
            + "surveyor adds those the data cannot decide (e.g. NUTRITION) and may give the measured income per person")
    public record Survey(@NotNull LocalDate surveyedOn, List<String> additionalDeprivations,
                         @Min(0) Long incomePerCapitaVnd) {
    }

    @Schema(name = "MeetingRequest")
    public record VillageMeeting(@NotNull LocalDate heldOn, @NotBlank @Size(max = 100) String minutesNo) {
    }

    @Schema(name = "PostingRequest")
    public record Posting(@NotNull LocalDate postedOn) {
    }

    @Schema(name = "ComplaintRequest")
    public record Complaint(@NotNull LocalDate receivedOn, @NotBlank @Size(max = 1000) String summary) {
    }

    public record RecognitionStep(@NotNull LocalDate recognizedOn, @NotBlank @Size(max = 100) String decisionNo) {
    }
}
