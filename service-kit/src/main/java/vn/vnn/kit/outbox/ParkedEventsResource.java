package vn.vnn.kit.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * The parked outbox events of a service, the same in every service: a service declares a subclass with its own
 * {@code @Path} (each path prefix belongs to one service).
 */
@Tag(name = "Outbox", description = "Events the broker refused for good: see, retry or discard (admins)")
public abstract class ParkedEventsResource {

    @Inject
    ParkedEvents parked;
    @Inject
    Caller caller;

    @GET
    @Path("parked")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Events set aside after the broker refused them for good, with the reason",
            description = "The later events of the same aggregate wait behind each one; the others flow on.")
    public List<ParkedEvents.Parked> list() {
        return parked.list();
    }

    @POST
    @Path("parked/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a parked event again (after its cause is fixed); audited")
    public Response retry(@PathParam("id") UUID id) {
        parked.retry(id, caller.actor());
        return Response.noContent().build();
    }

    @POST
    @Path("parked/{id}/discard")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Never publish a parked event; its aggregate's later events flow on; audited")
    public Response discard(@PathParam("id") UUID id) {
        parked.discard(id, caller.actor());
        return Response.noContent().build();
    }
}
