package vn.vnn.emulation.api;

import vn.vnn.emulation.domain.Achievement;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record AchievementView(String participantId, String participantName, String participantType,
                              long totalDonatedVnd, int donationCount, LocalDate lastDonationOn,
                              OffsetDateTime updatedAt) {

    public static AchievementView of(Achievement a) {
        return new AchievementView(a.participantId, a.participantName, a.participantType, a.totalDonatedVnd,
                a.donationCount, a.lastDonationOn, a.updatedAt);
    }
}
