package vn.vnn.household.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.household.subscriptions.Subscriptions;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Registering DCI senders: a partner registers its own (its client's tokens may then send as it), an admin anyone's.
 * The keys are public Ed25519 keys (JWKS); callbacks go only under the registered base URI.
 */
@ApplicationScoped
public class DciSenders {

    private final Caller caller;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Subscriptions subscriptions;

    DciSenders(Caller caller, AuditLog audit, ObjectMapper json, Subscriptions subscriptions) {
        this.caller = caller;
        this.audit = audit;
        this.json = json;
        this.subscriptions = subscriptions;
    }

    @Transactional
    public DciSender register(String senderId, String clientId, String callbackUri, JsonNode jwks) {
        if (senderId == null || !senderId.matches("[A-Za-z0-9._:-]{3,100}")) {
            throw ProblemException.invalid("senderId", "3–100 letters, digits or . _ : -");
        }
        String owner = caller.hasRole(Roles.ADMIN) && clientId != null && !clientId.isBlank() ? clientId.strip()
                : caller.actor();
        List<Problem.FieldError> errors = DciSignatures.problems(jwks).stream()
                .map(p -> new Problem.FieldError("jwks." + p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2)))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The keys are not valid", errors);
        }
        String base = callbackUri == null || callbackUri.isBlank() ? null
                : subscriptions.checkedUrl(callbackUri.strip().replaceAll("/+$", ""), "callbackUri");
        DciSender sender = DciSender.findById(senderId);
        OffsetDateTime now = OffsetDateTime.now();
        if (sender == null) {
            sender = new DciSender();
            sender.senderId = senderId;
            sender.clientId = owner;
            sender.createdAt = now;
        } else if (!sender.clientId.equals(caller.actor()) && !caller.hasRole(Roles.ADMIN)) {
            // another client's sender: as if it did not exist, yet its id is taken
            throw ProblemException.conflict("Sender id " + senderId + " is taken; choose another");
        }
        sender.callbackUri = base;
        try {
            sender.jwks = json.writeValueAsString(jwks);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("jwks", "is not JSON");
        }
        sender.updatedAt = now;
        sender.persist();
        audit.record("DCI_SENDER", null, "REGISTERED", caller.actor(), senderId + " for " + owner);
        return sender;
    }

    @Transactional
    public List<DciSender> list() {
        return caller.hasRole(Roles.ADMIN) ? DciSender.list("order by senderId")
                : DciSender.list("clientId = ?1 order by senderId", caller.actor());
    }

    @Transactional
    public DciSender get(String senderId) {
        DciSender sender = DciSender.findById(senderId);
        if (sender == null || !(caller.hasRole(Roles.ADMIN) || sender.clientId.equals(caller.actor()))) {
            throw ProblemException.notFound("DCI sender", senderId);
        }
        return sender;
    }

    /** The JWKS of a sender, as stored. */
    JsonNode jwks(DciSender sender) {
        try {
            return json.readTree(sender.jwks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JWKS is not JSON", e);
        }
    }
}
