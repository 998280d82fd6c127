package vn.vnn.emulation.audit;

import jakarta.ws.rs.Path;
import vn.vnn.kit.outbox.ParkedEventsResource;

/** This service's parked outbox events (service-kit {@link ParkedEventsResource}), for admins. */
@Path("/api/v1/emulation/outbox")
public class OutboxResource extends ParkedEventsResource {
}
