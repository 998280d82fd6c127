package vn.vnn.emulation.movements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A movement (phong trào thi đua) of an area for a period. {@code areaCode} VN is national. */
@Entity
public class Movement extends PanacheEntityBase {

    public static final String NATIONAL = "VN";

    @Id
    public UUID id;
    public String code;
    public String name;
    /** REGULAR (thường xuyên) or THEMATIC (theo chuyên đề). */
    public String kind;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    public String goals;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /** How many participants take part (đăng ký, or measured in). */
    public long registrations() {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM registration WHERE movement_id = ?1").setParameter(1, id).getSingleResult())
                .longValue();
    }
}
