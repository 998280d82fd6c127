package vn.vnn.fund.campaigns;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The campaigns a donor may give to, without logging in. */
@Path("/api/v1/public/funds/{code}/campaigns")
@Tag(name = "Public statement", description = "Sao kê công khai của Quỹ \"Vì người nghèo\" (không cần đăng nhập)")
public class PublicCampaignResource {

    private final CampaignService campaigns;

    PublicCampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Schema(name = "PublicCampaign")
    public record PublicCampaignView(UUID id, String name, LocalDate startsOn, LocalDate endsOn, long targetVnd,
                                     long raisedVnd, BigDecimal progressPercent, long donations) {
    }

    @GET
    @PermitAll
    @Operation(summary = "A fund's campaigns running today with their target and what they have raised")
    public List<PublicCampaignView> running(@PathParam("code") String code) {
        return campaigns.running(code).stream().map(c -> new PublicCampaignView(c.id(), c.name(), c.startsOn(),
                c.endsOn(), c.targetVnd(), c.raisedVnd(), c.progressPercent(), c.donations())).toList();
    }
}
