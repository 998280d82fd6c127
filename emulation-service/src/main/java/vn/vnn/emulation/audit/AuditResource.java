package vn.vnn.emulation.audit;

import jakarta.ws.rs.Path;
import vn.vnn.kit.audit.AuditTrailResource;

/** This service's audit trail (service-kit {@link AuditTrailResource}), for auditors and admins. */
@Path("/api/v1/emulation/audit")
public class AuditResource extends AuditTrailResource {
}
