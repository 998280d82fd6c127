package vn.vnn.household.subscriptions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import vn.vnn.household.subscriptions.SubscriptionDtos.View;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Đăng ký nhận sự kiện (webhook) cho cơ quan đối tác")
public class SubscriptionResource {

    private final Subscriptions subscriptions;

    SubscriptionResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Subscribe to event types in your areas",
            description = "Types: household.status-recognized.v1, fund.disbursement-paid.v1, "
                    + "emulation.award-decided.v1. Each event is POSTed to the URL as a CloudEvent in HTTP binary "
                    + "mode (ce-id, ce-type, ce-source, ce-time headers; the JSON data as the body — status and "
                    + "area, no personal data) and signed as Standard Webhooks do (webhook-id, webhook-timestamp, "
                    + "webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body))). A subscription's "
                    + "deliveries arrive in the order recorded; a failure (not 2xx, or no answer in 10 s) is tried "
                    + "again after 5 s, 30 s, 3 min, … up to 4 h, for 24 h, then parked; 410 Gone ends the "
                    + "subscription. The secret is in this answer only.")
    public Response create(@Valid @NotNull SubscriptionDtos.Create request, @Context UriInfo uriInfo) {
        Subscription created = subscriptions.create(request.url(), request.eventTypes(), request.areaCodes());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id.toString()).build())
                .entity(new SubscriptionDtos.WithSecret(View.of(created), created.secret)).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Your subscriptions (admins: everyone's)")
    public List<View> list() {
        return subscriptions.list().stream().map(View::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "One of your subscriptions")
    public View get(@PathParam("id") UUID id) {
        return View.of(subscriptions.get(id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "End the subscription: nothing more is sent; its deliveries stay readable")
    public View end(@PathParam("id") UUID id) {
        return View.of(subscriptions.end(id));
    }

    @POST
    @Path("{id}/secret-rotation")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "A new signing secret; the previous one signs alongside for overlapHours (default 24)",
            description = "During the overlap webhook-signature carries two signatures, space-separated; accept "
                    + "either, switch to the new secret, and the old one stops signing when the overlap ends.")
    public SubscriptionDtos.WithSecret rotate(@PathParam("id") UUID id, @Valid SubscriptionDtos.Rotation request) {
        Subscription s = subscriptions.rotate(id, request == null ? null : request.overlapHours());
        return new SubscriptionDtos.WithSecret(View.of(s), s.secret);
    }

    @POST
    @Path("{id}/replays")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Deliver again every event of the subscription's types and areas recorded in [from, to)",
            description = "The events keep their ids (ce-id, webhook-id), so a receiver can tell a replay from news.")
    public Response replay(@PathParam("id") UUID id, @Valid @NotNull SubscriptionDtos.Replay request) {
        return Response.accepted(new SubscriptionDtos.Replayed(subscriptions.replay(id, request.from(),
                request.to()))).build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "The subscription's deliveries, newest first: state, attempts, last answer, next attempt")
    public List<Deliveries.Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("state") String state,
                                                @QueryParam("limit") @DefaultValue("100") int limit) {
        return subscriptions.deliveries(id, state, limit);
    }

    @POST
    @Path("{id}/deliveries/parked/redelivery")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Parked deliveries wait again from now (after you fixed your endpoint)")
    public SubscriptionDtos.Redelivered redeliver(@PathParam("id") UUID id) {
        return new SubscriptionDtos.Redelivered(subscriptions.redeliverParked(id));
    }
}
