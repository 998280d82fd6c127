package vn.vnn.fund.campaigns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A fund's campaign (đợt vận động) with its period and target. */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "fund_id")
    public UUID fundId;
    public String name;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "target_vnd")
    public long targetVnd;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    public boolean runsOn(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
