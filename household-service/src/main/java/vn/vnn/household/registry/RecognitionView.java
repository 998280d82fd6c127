package vn.vnn.household.registry;


import java.time.LocalDate;
import java.util.UUID;

public record RecognitionView(UUID id, UUID householdId, int reviewYear, String status, String previousStatus,
                              String transition, String standard, LocalDate recognizedOn, String decisionNo,
                              String recordedBy) {

    public static RecognitionView of(StatusRecognition r) {
        return new RecognitionView(r.id, r.householdId, r.reviewYear, r.status.name(),
                r.previousStatus == null ? null : r.previousStatus.name(), r.transition.name(), r.standard,
                r.recognizedOn, r.decisionNo, r.recordedBy);
    }
}
