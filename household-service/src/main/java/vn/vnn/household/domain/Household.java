package vn.vnn.household.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    @Column(name = "head_name")
    public String headName;
    @Column(name = "commune_code")
    public String communeCode;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "area_type")
    public String areaType;
    @Column(name = "member_count")
    public int memberCount;
    @Enumerated(EnumType.STRING)
    public PovertyStatus status;
    @Column(name = "status_year")
    public Integer statusYear;
    @Column(name = "ever_poor")
    public boolean everPoor;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
