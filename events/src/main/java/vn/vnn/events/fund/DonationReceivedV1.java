package vn.vnn.events.fund;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * The fund received a donation (tiền hoặc hiện vật ủng hộ Quỹ "Vì người nghèo"). Key: {@code donationId}.
 *
 * @param donationId   the donation's id in fund-service
 * @param donorId      the donor's id in fund-service, stable across donations; null for an anonymous gift, which is
 *                     never attributed to its donor outside the receiving fund
 * @param donorName    display name; "Nhà hảo tâm ẩn danh" when the donor asked to stay anonymous
 * @param donorType    {@code ORGANISATION} or {@code INDIVIDUAL}
 * @param anonymous    the donor asked not to be named in public
 * @param kind         {@code CASH} or {@code IN_KIND}
 * @param amountVnd    value in whole đồng (in-kind donations at their assessed value)
 * @param receivedOn   date the money or goods were received
 * @param fundAreaCode code of the area whose fund committee received it
 * @param campaignId   campaign the donation answers, when any
 * @param receiptNo    receipt number issued to the donor, when issued
 * @param actor        user who recorded the donation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DonationReceivedV1(
        String donationId,
        String donorId,
        String donorName,
        String donorType,
        boolean anonymous,
        String kind,
        long amountVnd,
        LocalDate receivedOn,
        String fundAreaCode,
        String campaignId,
        String receiptNo,
        String actor) {
}
