package vn.vnn.fund.campaigns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A donor's promise (cam kết) of a total to a fund; the donations that pay it name it. */
@Entity
public class Pledge extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    @Column(name = "donor_id")
    public UUID donorId;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "pledged_vnd")
    public long pledgedVnd;
    @Column(name = "pledged_on")
    public LocalDate pledgedOn;
    public String note;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
