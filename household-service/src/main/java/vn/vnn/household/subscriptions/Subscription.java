package vn.vnn.household.subscriptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A partner's subscription to event types in its areas, delivered to its URL and signed with its secret. */
@Entity
@Table(name = "webhook_subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The client (or user) that owns it; only it and admins see it. */
    @Column(name = "client_id")
    public String clientId;
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public String[] eventTypes;
    /** The areas it hears from, within its client's; null: the whole country. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_codes")
    public String[] areaCodes;
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;
    public boolean active;
    /** WEBHOOK (CloudEvents, Standard Webhooks) or DCI (a signed DCI notify message). */
    public String kind = "WEBHOOK";
    /** Only events whose status is one of these (DCI filters); null: all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "status_filter")
    public String[] statusFilter;
    /** The subscription code told to a DCI subscriber. */
    @Column(name = "dci_code")
    public String dciCode;
    @Column(name = "dci_sender_id")
    public String dciSenderId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** A new secret signs from now on; the previous one keeps signing alongside for {@code overlap}. */
    public String rotate(Duration overlap, OffsetDateTime now) {
        previousSecret = secret;
        previousSecretUntil = now.plus(overlap);
        secret = WebhookSignature.newSecret();
        updatedAt = now;
        return secret;
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(OffsetDateTime now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
