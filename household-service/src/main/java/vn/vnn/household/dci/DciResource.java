package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

/**
 * The Social Registry API of the Digital Convergence Initiative (SP-DCI social_api v1.0.0), as docs/dci-profile.md
 * profiles it for Vietnam: the standard's paths under /api/v1/dci.
 */
@Path("/api/v1/dci/registry")
@Tag(name = "DCI Social Registry", description = "Chuẩn DCI (SP-DCI) cho sổ đăng ký xã hội: tra cứu hộ nghèo, hộ cận "
        + "nghèo theo định danh hoặc điều kiện, đăng ký nhận thông báo — docs/dci-profile.md")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DciResource {

    static final String SEARCH_EXAMPLE = """
            {"signature": "Signature: namespace=\\"dci\\", kidId=\\"nhcsxh-spmis|k1|ed25519\\", algorithm=\\"ed25519\\", \
            created=\\"1764900000\\", expires=\\"1764903600\\", headers=\\"(created) (expires) digest\\", signature=\\"…\\"",
             "header": {"version": "1.0.0", "message_id": "m-1", "message_ts": "2026-12-01T08:00:00+07:00",
                        "action": "search", "sender_id": "nhcsxh-spmis", "receiver_id": "vnn-social-registry",
                        "total_count": 1, "is_msg_encrypted": false},
             "message": {"transaction_id": "t-1", "search_request": [{"reference_id": "r-1",
                 "timestamp": "2026-12-01T08:00:00+07:00",
                 "search_criteria": {"version": "1.0.0", "query_type": "idtype-value", "query": {"type": "VN-CCCD", "value": "001078012345"},
                     "authorize": {"purpose": {"code": "SOCIAL_POLICY_LOAN"}}}}]}}""";

    private final DciMessages messages;

    DciResource(DciMessages messages) {
        this.messages = messages;
    }

    @POST
    @Path("sync/search")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "DCI synchronous search: households by identifier or predicate, answered at once",
            description = "Identifier types VN-CCCD (citizen ID: the household of the person), VN-HOUSEHOLD-REF "
                    + "({commune}/{ref}), VN-HOUSEHOLD-ID; predicates on area_code, poverty_status (POOR, NEAR_POOR) "
                    + "and review_year joined by and. authorize.purpose.code must be a purpose granted to your "
                    + "client; your granted areas apply. The answer is a signed on-search envelope whose records are "
                    + "groups with poverty status, standard, decision and validity — never members, names or "
                    + "citizen IDs. The envelope must be signed with a key of the sender (PUT /api/v1/dci/senders).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "by citizen ID", value = SEARCH_EXAMPLE)))
    public ObjectNode syncSearch(JsonNode envelope) {
        return messages.syncSearch(envelope);
    }

    @POST
    @Path("search")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "DCI asynchronous search: acknowledged now, answered to the sender's on-search",
            description = "The answer goes to header.sender_uri (under the sender's registered callbackUri) or to "
                    + "{callbackUri}/registry/on-search, signed; txn/status tells its state meanwhile.")
    public ObjectNode search(JsonNode envelope) {
        return messages.search(envelope);
    }

    @POST
    @Path("sync/txn/status")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "DCI transaction status, answered at once: the state and answer of an earlier request",
            description = "By transaction_id, correlation_id or reference_id_list; only your client's requests.")
    public ObjectNode syncTxnStatus(JsonNode envelope) {
        return messages.syncTxnStatus(envelope);
    }

    @POST
    @Path("txn/status")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "DCI transaction status, answered to the sender's txn/on-status")
    public ObjectNode txnStatus(JsonNode envelope) {
        return messages.txnStatus(envelope);
    }

    @POST
    @Path("subscribe")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "DCI subscribe: notifications of recognitions in areas, by status",
            description = "filter_type predicate on area_code and poverty_status; each recognition is sent as a "
                    + "signed notify message to {callbackUri}/registry/notify, in order, retried for 24 h. The "
                    + "subscription codes come in the on-subscribe callback (and in txn/status).")
    public ObjectNode subscribe(JsonNode envelope) {
        return messages.subscribe(envelope);
    }

    @POST
    @Path("unsubscribe")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "DCI unsubscribe: end subscriptions by code; answered to the sender's on-unsubscribe")
    public ObjectNode unsubscribe(JsonNode envelope) {
        return messages.unsubscribe(envelope);
    }
}
