package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1")
@Tag(name = "DCI Social Registry")
public class DciSenderResource {

    /** A sender's registration. */
    @Schema(name = "DciSenderRequest", description = "The sender's public Ed25519 keys (JWKS) and the base URI of its "
            + "DCI endpoints (callbacks go to {callbackUri}/registry/on-search, …/notify)")
    public record SenderRequest(@Schema(description = "Admins only: the client the sender belongs to (default: "
            + "yours)") String clientId,
                                @Schema(examples = "https://spmis.example.vn/dci") String callbackUri,
                                @NotNull @Schema(description = "{\"keys\": [{\"kty\": \"OKP\", \"crv\": \"Ed25519\", "
                                        + "\"kid\": \"k1\", \"x\": \"…\"}]}") JsonNode jwks) {
    }

    @Schema(name = "DciSender")
    public record SenderView(String senderId, String clientId, String callbackUri, JsonNode jwks,
                             OffsetDateTime updatedAt, long version) {
    }

    private final DciSenders senders;
    private final RegistryKey key;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    DciSenderResource(DciSenders senders, RegistryKey key, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.senders = senders;
        this.key = key;
        this.json = json;
    }

    @PUT
    @Path("dci/senders/{senderId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Register (or change) a DCI sender of your client: its public keys and callback base URI")
    public SenderView register(@PathParam("senderId") String senderId, @Valid @NotNull SenderRequest request) {
        return view(senders.register(senderId, request.clientId(), request.callbackUri(), request.jwks()));
    }

    @GET
    @Path("dci/senders")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Your DCI senders (admins: all)")
    public List<SenderView> list() {
        return senders.list().stream().map(this::view).toList();
    }

    @GET
    @Path("dci/senders/{senderId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "One of your DCI senders")
    public SenderView get(@PathParam("senderId") String senderId) {
        return view(senders.get(senderId));
    }

    @GET
    @Path("public/dci/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The registry's public signing keys (JWKS), to verify its DCI answers and notifications",
            description = "No login. Signatures name the key as kidId \"{sender_id}|{kid}|ed25519\".")
    public JsonNode jwks() {
        return key.jwks(json);
    }

    private SenderView view(DciSender sender) {
        return new SenderView(sender.senderId, sender.clientId, sender.callbackUri, senders.jwks(sender),
                sender.updatedAt, sender.version);
    }
}
