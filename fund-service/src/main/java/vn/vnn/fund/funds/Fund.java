package vn.vnn.fund.funds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A "Vì người nghèo" fund of one area, with its own ledger. */
@Entity
public class Fund extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public FundLevel level;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public boolean demo;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /** The fund an area keeps today. */
    public static Optional<Fund> openForArea(String areaCode) {
        return find("areaCode = ?1 and validTo is null", areaCode).firstResultOptional();
    }
}
