package vn.vnn.fund.campaigns;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Campaigns and pledges", description = "Đợt vận động, chỉ tiêu và cam kết ủng hộ")
public class CampaignResource {

    private final CampaignService campaigns;
    private final Caller caller;

    CampaignResource(CampaignService campaigns, Caller caller) {
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @POST
    @Path("campaigns")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Open a campaign of a fund with its period and target")
    public Response open(@Valid @NotNull CampaignRecords.NewCampaign request, @Context UriInfo uriInfo) {
        CampaignRecords.CampaignProgress campaign = campaigns.open(request, caller.actor());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(campaign.id().toString()).build())
                .entity(campaign).build();
    }

    @GET
    @Path("campaigns")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Campaigns, newest first, with progress against target")
    public List<CampaignRecords.CampaignProgress> list(@QueryParam("fundAreaCode") String fundAreaCode) {
        return campaigns.list(fundAreaCode);
    }

    @GET
    @Path("campaigns/{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A campaign: raised, progress, by donor type, pledged and still outstanding")
    public CampaignRecords.CampaignProgress get(@PathParam("id") UUID id) {
        return campaigns.get(id);
    }

    @POST
    @Path("pledges")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record a pledge (cam kết), optionally with instalments; donations name it to pay it")
    public Response pledge(@Valid @NotNull CampaignRecords.NewPledge request, @Context UriInfo uriInfo) {
        CampaignRecords.PledgeStanding pledge = campaigns.pledge(request, caller.actor());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(pledge.id().toString()).build())
                .entity(pledge).build();
    }

    @GET
    @Path("pledges")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Pledges of a donor or of a campaign, with paid and outstanding amounts")
    public List<CampaignRecords.PledgeStanding> pledges(@QueryParam("donorId") UUID donorId,
                                                 @QueryParam("campaignId") UUID campaignId) {
        return campaigns.pledges(donorId, campaignId);
    }

    @GET
    @Path("pledges/{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A pledge: payments, outstanding amount, instalments and how far each is covered")
    public CampaignRecords.PledgeStanding pledgeById(@PathParam("id") UUID id) {
        return campaigns.getPledge(id);
    }
}
