package vn.vnn.events.emulation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * A competent authority decided an award (quyết định khen thưởng) for a participant of the emulation movement.
 * Key: {@code awardId}.
 *
 * @param awardId         the award's id in emulation-service
 * @param participantId   the participant's id in emulation-service (a donor id for donors)
 * @param participantName display name of the person or collective
 * @param participantType {@code INDIVIDUAL} or {@code COLLECTIVE}
 * @param awardType       e.g. {@code CERTIFICATE_OF_MERIT} (Bằng khen), {@code LETTER_OF_COMMENDATION} (Giấy khen)
 * @param level           level of the deciding authority: {@code COMMUNE}, {@code PROVINCE} or {@code NATIONAL}
 * @param areaCode        area of the deciding authority
 * @param decisionNo      number of the award decision
 * @param decidedOn       date of the decision
 * @param periodYear      the year of the movement the award honours
 * @param actor           user who recorded the decision
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwardDecidedV1(
        String awardId,
        String participantId,
        String participantName,
        String participantType,
        String awardType,
        String level,
        String areaCode,
        String decisionNo,
        LocalDate decidedOn,
        int periodYear,
        String actor) {
}
