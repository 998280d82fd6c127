package vn.vnn.emulation.scoring;

import vn.vnn.emulation.participants.Participant;
import vn.vnn.events.fund.DonationReceivedV1;

import java.time.LocalDate;

/**
 * How donations credit a donor's achievement in one area (ghi nhận thành tích): amounts and counts add up (an
 * overflow is a data error, never a silent wrap), the last date is the latest, the name is the one given last, and
 * an organisation takes part as a collective. {@link Achievements} adds a batch's totals to the stored ones.
 */
public record DonorTotal(String donorRef, String areaCode, String name, String type, long amountVnd, int count,
                         LocalDate lastOn) {

    public static DonorTotal of(DonationReceivedV1 d) {
        if (d.amountVnd() <= 0) {
            throw new IllegalArgumentException("a donation credits a positive amount");
        }
        return new DonorTotal(d.donorId(), d.fundAreaCode(), d.donorName(), Participant.kindOfDonor(d.donorType()),
                d.amountVnd(), 1, d.receivedOn());
    }

    /** This total with a later donation (or total) of the same donor and area added. */
    public DonorTotal plus(DonorTotal later) {
        return new DonorTotal(donorRef, areaCode, later.name, type, Math.addExact(amountVnd, later.amountVnd),
                Math.addExact(count, later.count), later.lastOn.isAfter(lastOn) ? later.lastOn : lastOn);
    }
}
