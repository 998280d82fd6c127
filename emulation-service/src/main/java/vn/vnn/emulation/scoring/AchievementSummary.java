package vn.vnn.emulation.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What donors gave to the funds of each area the caller reaches, in aggregate: no donor is named. */
@Schema(description = "Donors' gifts per area of the receiving fund, in aggregate (anonymous gifts are not counted)")
public record AchievementSummary(List<Area> areas) {

    /**
     * @param participants   donors who gave to the area's funds
     * @param collectives    of them, organisations (tập thể)
     * @param individuals    of them, people (cá nhân)
     */
    public record Area(String areaCode, long participants, long collectives, long individuals, long totalDonatedVnd,
                       long donationCount) {
    }
}
