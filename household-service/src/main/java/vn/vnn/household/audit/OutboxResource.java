package vn.vnn.household.audit;

import jakarta.ws.rs.Path;
import vn.vnn.kit.outbox.ParkedEventsResource;

/** This service's parked outbox events (service-kit {@link ParkedEventsResource}), for admins. */
@Path("/api/v1/household-outbox")
public class OutboxResource extends ParkedEventsResource {
}
