package vn.vnn.household.feeds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

@Path("/api/v1/feeds/" + StatusFeed.TYPE)
@Tag(name = "Feeds", description = "Luồng sự kiện cho đối tác không nhận được webhook")
public class FeedResource {

    private final StatusFeed feed;

    FeedResource(StatusFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Recognised statuses in your areas, in the order recorded, after your cursor",
            description = "Start without a cursor; keep the answer's next and ask again with it (after=next): the "
                    + "same cursor comes back while nothing is new. Each item: the recognition's id, type, time, "
                    + "household id, commune and province, status, previous status, transition, review year, day "
                    + "and decision — no names, members or other personal data. At most 500 a call.")
    public StatusFeed.Slice read(@Parameter(description = "The next cursor of the previous answer")
                                 @QueryParam("after") String after,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        return feed.read(after, limit);
    }
}
