package vn.vnn.events.fund;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * The fund paid support to an eligible household (chi hỗ trợ hộ nghèo). Key: {@code disbursementId}.
 *
 * @param disbursementId the disbursement's id in fund-service
 * @param householdId    the supported household's id in household-service
 * @param communeCode    commune of the household
 * @param purpose        {@code HOUSING}, {@code LIVELIHOOD}, {@code HEALTH}, {@code EDUCATION}, {@code EMERGENCY} or
 *                       {@code OTHER}
 * @param amountVnd      amount paid in whole đồng
 * @param paidOn         payment date
 * @param campaignId     campaign that financed it, when any
 * @param decisionNo     number of the decision approving the support
 * @param actor          user who recorded the payment
 * @param houseWork      for purpose {@code HOUSING}: {@code NEW_BUILD} (xây mới) or {@code REPAIR} (sửa chữa); null
 *                       otherwise and in events published before it was added (then taken as a new build)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisbursementPaidV1(
        String disbursementId,
        String householdId,
        String communeCode,
        String purpose,
        long amountVnd,
        LocalDate paidOn,
        String campaignId,
        String decisionNo,
        String actor,
        String houseWork) {
}
