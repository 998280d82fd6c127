package vn.vnn.household.dci;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/** A partner's system that speaks DCI to the registry (an SPMIS): its keys and where its callbacks go. */
@Entity
@Table(name = "dci_sender")
public class DciSender extends PanacheEntityBase {

    @Id
    @Column(name = "sender_id")
    public String senderId;
    /** The client whose tokens may send as this sender. */
    @Column(name = "client_id")
    public String clientId;
    /** The base of the sender's DCI endpoints: callbacks go to {base}/registry/on-search, …/notify, …. */
    @Column(name = "callback_uri")
    public String callbackUri;
    @JdbcTypeCode(SqlTypes.JSON)
    public String jwks;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
