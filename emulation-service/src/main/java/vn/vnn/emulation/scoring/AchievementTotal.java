package vn.vnn.emulation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What one participant gave to the funds of the areas the caller reaches, summed over those areas. */
@Schema(name = "AchievementView")
public record AchievementTotal(String participantId, String participantName, String participantType,
                               long totalDonatedVnd, int donationCount, LocalDate lastDonationOn,
                               OffsetDateTime updatedAt) {
}
