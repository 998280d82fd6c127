package vn.vnn.kit.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.Ids;
import vn.vnn.kit.idempotency.IdempotentRequests;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.problem.ProblemException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A tiny API that uses every service-kit block, for the kit's own tests. */
@Path("/test/things")
public class ThingResource {

    public record ThingRequest(@NotBlank String name, @NotNull @Positive Long amountVnd, List<@NotBlank String> tags) {
    }

    public record ThingView(UUID id, String name, long amountVnd, long version) {
        static ThingView of(Thing thing) {
            return new ThingView(thing.id, thing.name, thing.amountVnd, thing.version);
        }
    }

    /** A body with each kind of text field and a date, echoed back as the service received it. */
    public record Echo(String line, @vn.vnn.kit.text.FreeText String note, LocalDate on) {
    }

    @POST
    @Path("echo")
    @jakarta.annotation.security.PermitAll
    public Echo echo(Echo body) {
        return body;
    }

    @GET
    @Path("echo/{segment}")
    @jakarta.annotation.security.PermitAll
    public java.util.Map<String, Object> echo(@PathParam("segment") String segment,
                                              @jakarta.ws.rs.QueryParam("text") String text,
                                              @jakarta.ws.rs.QueryParam("on") LocalDate on) {
        java.util.Map<String, Object> echoed = new java.util.LinkedHashMap<>();
        echoed.put("segment", segment);
        echoed.put("text", text);
        echoed.put("on", on == null ? null : on.toString());
        return echoed;
    }

    public enum Colour { RED, GREEN }

    @GET
    @Path("numbers/{n}")
    @jakarta.annotation.security.PermitAll
    public java.util.Map<String, Object> numbers(@PathParam("n") int n,
                                                 @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
                                                 @jakarta.ws.rs.QueryParam("year") Integer year,
                                                 @jakarta.ws.rs.QueryParam("amount") Long amount,
                                                 @jakarta.ws.rs.QueryParam("count") long count,
                                                 @jakarta.ws.rs.QueryParam("colour") Colour colour,
                                                 @jakarta.ws.rs.QueryParam("owner") UUID owner) {
        java.util.Map<String, Object> echoed = new java.util.LinkedHashMap<>();
        echoed.put("n", n);
        echoed.put("page", page);
        echoed.put("year", year);
        echoed.put("amount", amount);
        echoed.put("count", count);
        echoed.put("colour", colour);
        echoed.put("owner", owner);
        return echoed;
    }

    private final IdempotentRequests idempotency;
    private final Outbox outbox;

    ThingResource(IdempotentRequests idempotency, Outbox outbox) {
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    @POST
    @RolesAllowed("writer")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull ThingRequest request,
                           @HeaderParam("X-Delay-Ms") Long delay) {
        return idempotency.execute(key, "POST /test/things", request, () -> {
            Thing thing = new Thing();
            thing.id = Ids.newId();
            thing.name = request.name();
            thing.amountVnd = request.amountVnd();
            thing.persist();
            outbox.publish("thing", thing.id.toString(), new DonationReceivedV1(thing.id.toString(), "donor-" + thing.name,
                    thing.name, "ORGANISATION", false, "CASH", thing.amountVnd, LocalDate.of(2025, 10, 1), "01",
                    null, null, "tester"));
            if (delay != null) {
                sleep(delay);
            }
            return Response.created(URI.create("/test/things/" + thing.id)).entity(ThingView.of(thing)).build();
        });
    }

    @GET
    @Path("{id}")
    @PermitAll
    public ThingView get(@PathParam("id") UUID id) {
        Thing thing = Thing.findById(id);
        if (thing == null) {
            throw ProblemException.notFound("Thing", id);
        }
        return ThingView.of(thing);
    }

    public record Rename(@NotBlank String name, long version) {
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("writer")
    @Transactional
    public ThingView rename(@PathParam("id") UUID id, @Valid Rename rename) {
        Thing thing = Thing.findById(id);
        if (thing == null) {
            throw ProblemException.notFound("Thing", id);
        }
        if (thing.version != rename.version()) {
            throw new jakarta.persistence.OptimisticLockException("stale");
        }
        thing.name = rename.name();
        return ThingView.of(thing);
    }

    @GET
    @PermitAll
    public Response list(@BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        long total = Thing.count();
        List<ThingView> items = Thing.<Thing>findAll(io.quarkus.panache.common.Sort.by("id"))
                .page(page.page(), page.size()).list().stream().map(ThingView::of).toList();
        return PagedResponses.ok(uriInfo, Page.of(items, page, total));
    }

    @GET
    @Path("boom")
    @PermitAll
    public String boom() {
        throw new IllegalStateException("secret detail from org.example.InternalThing");
    }

    /** What a read meets while the database restarts: the pool cannot open a connection. */
    @GET
    @Path("database-away")
    @PermitAll
    public String databaseAway() {
        throw new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
