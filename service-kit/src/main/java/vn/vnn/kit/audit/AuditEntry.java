package vn.vnn.kit.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One entry of the audit trail. {@code before} and {@code after} are JSON snapshots of the record, personal data
 * masked.
 */
@Schema(description = "One entry of the audit trail (nhật ký kiểm tra): who, when, what, before and after")
public record AuditEntry(long id, OffsetDateTime at, String actor, String client, String action, String entity,
                         String entityId, String detail, Map<String, Object> before, Map<String, Object> after,
                         String requestId) {
}
