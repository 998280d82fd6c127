package vn.vnn.fund.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import vn.vnn.kit.Ids;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Entity
public class Donor extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "donor_type")
    public DonorType type;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    public static Donor create(String name, DonorType type) {
        Donor donor = new Donor();
        donor.id = Ids.newId();
        donor.name = name.strip();
        donor.type = type;
        donor.createdAt = OffsetDateTime.now();
        return donor;
    }

    public static Optional<Donor> findByNameAndType(String name, DonorType type) {
        return find("lower(name) = lower(?1) and type = ?2", name.strip(), type).firstResultOptional();
    }
}
