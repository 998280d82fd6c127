package vn.vnn.events.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * A commune recognised a household's poverty status (quyết định công nhận hộ nghèo, hộ cận nghèo, hộ thoát
 * nghèo...) in a review round. Key: {@code householdId}.
 *
 * @param householdId     the household's id in household-service
 * @param householdCode   the household's registry code (mã hộ), not personal data
 * @param communeCode     code of the commune-level unit the household belongs to
 * @param provinceCode    code of the province
 * @param areaType        {@code RURAL} or {@code URBAN}; selects the income line
 * @param status          {@code POOR}, {@code NEAR_POOR}, {@code AVERAGE_LIVING_STANDARD} or {@code NOT_POOR}
 * @param previousStatus  the status before this recognition, null for a first recognition
 * @param transition      {@code FIRST}, {@code NEWLY_POOR}, {@code RE_POOR}, {@code ESCAPED_POVERTY},
 *                        {@code ESCAPED_NEAR_POVERTY}, {@code FELL_TO_NEAR_POOR} or {@code UNCHANGED}
 * @param standard        the poverty standard applied, e.g. {@code VN-MPS-2022}
 * @param reviewYear      the review round's year
 * @param recognizedOn    date of the recognition decision
 * @param decisionNo      number of the commune chairman's decision, when known
 * @param memberCount     number of members at recognition
 * @param actor           user who recorded the recognition (token subject or username)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HouseholdStatusRecognizedV1(
        String householdId,
        String householdCode,
        String communeCode,
        String provinceCode,
        String areaType,
        String status,
        String previousStatus,
        String transition,
        String standard,
        int reviewYear,
        LocalDate recognizedOn,
        String decisionNo,
        int memberCount,
        String actor) {
}
