package vn.vnn.events.fund;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * A donation the fund had received was cancelled (huỷ biên lai, e.g. a bank transfer returned); its amount went back
 * out of the fund. Whatever was credited for the matching {@link DonationReceivedV1} is to be taken back. Key:
 * {@code donationId}. It travels on its own topic, so a consumer may see it before the donation it cancels.
 *
 * @param donationId   the cancelled donation's id, as in {@link DonationReceivedV1#donationId()}
 * @param donorId      the donor's id in fund-service; null when the gift was anonymous
 * @param kind         {@code CASH} or {@code IN_KIND}
 * @param amountVnd    the amount taken back, in whole đồng (the whole donation)
 * @param receivedOn   date the donation had been received
 * @param cancelledOn  date of the cancellation
 * @param fundAreaCode code of the area whose fund committee had received it
 * @param receiptNo    the receipt number, which stays used
 * @param reason       why it was cancelled
 * @param actor        user who cancelled it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DonationCancelledV1(
        String donationId,
        String donorId,
        String kind,
        long amountVnd,
        LocalDate receivedOn,
        LocalDate cancelledOn,
        String fundAreaCode,
        String receiptNo,
        String reason,
        String actor) {
}
