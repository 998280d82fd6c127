package vn.vnn.kit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;

/**
 * The audit trail's read endpoint, the same in every service: a service declares a subclass with its own
 * {@code @Path} (each path prefix belongs to one service).
 */
@Tag(name = "Audit trail", description = "Nhật ký: who changed or read what, when; personal data masked")
public abstract class AuditTrailResource {

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The service's audit trail, newest first, for a stated purpose",
            description = "Changes (with the record before and after, personal data masked), reads of unmasked "
                    + "personal data, and reads of this trail. The purpose is required and recorded with the read.")
    public Response read(
            @Parameter(description = "Why you read it, e.g. the complaint or inspection and its number",
                    required = true) @QueryParam("purpose") String purpose,
            @Parameter(description = "e.g. HOUSEHOLD, MEMBER_CONFLICT, HOUSEHOLD_IMPORT, DONOR, DONATION, "
                    + "DISBURSEMENT, FUND, NOMINATION, MOVEMENT") @QueryParam("entity") String entity,
            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
            @Parameter(description = "e.g. UPDATED, PERSONAL_DATA_READ, AUDIT_READ") @QueryParam("action")
            String action,
            @Parameter(description = "First day (yyyy-MM-dd), Vietnam time") @QueryParam("from") String from,
            @Parameter(description = "Last day (yyyy-MM-dd), Vietnam time") @QueryParam("to") String to,
            @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, trail.read(AuditTrail.Filter.of(purpose, entity, entityId, actor, action,
                from, to), page));
    }
}
