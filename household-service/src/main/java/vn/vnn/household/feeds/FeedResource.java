package vn.vnn.household.feeds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

@Path("/api/v1/feeds/{type}")
@Tag(name = "Feeds", description = "Luồng sự kiện cho đối tác không nhận được webhook")
public class FeedResource {

    private final PartnerEvents events;

    FeedResource(PartnerEvents events) {
        this.events = events;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The events of a type in your areas, in the order recorded, after your cursor",
            description = "The same events and scoping as subscriptions, for partners that cannot receive webhooks. "
                    + "Start without a cursor; keep the answer's next and ask again with it (after=next): the same "
                    + "cursor comes back while nothing is new. Each item: id, type, time and the event as partners "
                    + "see it — household.status-recognized.v1: household id, commune and province, status, "
                    + "previous status, transition, review year, day and decision; fund.disbursement-paid.v1: "
                    + "household id, commune, purpose, amount, day, decision; emulation.award-decided.v1: award, "
                    + "type, level, area, decision, the name of a collective (never of a person). No names, "
                    + "members or other personal data. At most 500 a call.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartnerEvents.Slice.class),
            examples = @ExampleObject(name = "household.status-recognized.v1", value = """
                    {"items": [{"id": "01a232e8-2f62-76f6-8f07-f9f502ef6105", "type": "household.status-recognized.v1",
                                "time": "2026-12-01T09:12:03.114+07:00",
                                "householdId": "0190f7a8-3c1e-7d2a-9b1e-5f0c2d7a9e11", "communeCode": "99111",
                                "provinceCode": "99", "status": "POOR", "previousStatus": "NEAR_POOR",
                                "transition": "RE_POOR", "reviewYear": 2026, "recognizedOn": "2026-12-01",
                                "decisionNo": "125/QĐ-UBND"}],
                     "next": "MjAyNi0xMi0wMVQwMjoxMjowMy4xMTRafDAxYTIzMmU4LTJmNjItNzZmNi04ZjA3LWY5ZjUwMmVmNjEwNQ",
                     "more": false}""")))
    public PartnerEvents.Slice read(@Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                                            PartnerEvents.STATUS_RECOGNIZED, PartnerEvents.DISBURSEMENT_PAID,
                                            PartnerEvents.AWARD_DECIDED}))
                                    @PathParam("type") String type,
                                    @Parameter(description = "The next cursor of the previous answer")
                                    @QueryParam("after") String after,
                                    @QueryParam("limit") @DefaultValue("100") int limit) {
        return events.read(type, after, limit);
    }
}
