package vn.vnn.household.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the review endpoints answer. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    public record RoundView(UUID id, String communeCode, String kind, int reviewYear, LocalDate opensOn,
                            LocalDate closesOn, int postingDays, int complaintDays, boolean workingDays,
                            int decidesYear, String standardCode, String createdBy, long version,
                            OffsetDateTime updatedAt) {
        public static RoundView of(ReviewRound r) {
            return new RoundView(r.id, r.communeCode, r.kind.name(), r.reviewYear, r.opensOn, r.closesOn,
                    r.postingDays, r.complaintDays, r.workingDays, r.decidesYear, r.standardCode, r.createdBy,
                    r.version, r.updatedAt);
        }
    }

    public record CaseView(UUID id, UUID roundId, UUID householdId, String state, String proposedStatus,
                           Long incomePerCapitaVnd, List<String> deprivations, LocalDate surveyedOn,
                           LocalDate meetingOn, String meetingMinutesNo, LocalDate postedOn,
                           LocalDate complaintsUntil, int complaints, UUID recognitionId, long version,
                           OffsetDateTime updatedAt) {
        public static CaseView of(ReviewCase c) {
            return new CaseView(c.id, c.roundId, c.householdId, c.state.name(),
                    c.proposedStatus == null ? null : c.proposedStatus.name(), c.incomePerCapitaVnd,
                    c.deprivations == null || c.deprivations.isEmpty() ? List.of()
                            : Arrays.asList(c.deprivations.split(",")),
                    c.surveyedOn, c.meetingOn, c.meetingMinutesNo, c.postedOn, c.complaintsUntil, c.complaints,
                    c.recognitionId, c.version, c.updatedAt);
        }
    }
}
