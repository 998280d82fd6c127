package vn.vnn.fund.donors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

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
    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_kind")
    public OrganisationKind organisationKind;
    /** Kiều bào or a donor abroad. */
    public boolean overseas;
    /** ISO 3166 country code of an overseas donor. */
    public String country;
    /** Mã số thuế of an enterprise (10 digits, or 13 with a branch). */
    @Column(name = "tax_code")
    public String taxCode;
    public String phone;
    public String email;
    public String address;
    /** Số định danh cá nhân of an individual (personal data). */
    @Column(name = "citizen_id")
    public String citizenId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public static Optional<Donor> findByTaxCode(String taxCode) {
        return find("taxCode", taxCode).firstResultOptional();
    }

    public static Optional<Donor> findByCitizenId(String citizenId) {
        return find("citizenId", citizenId).firstResultOptional();
    }

    /** The organisation without a tax code of this name ({@code name} normalised), compared case-insensitively. */
    public static Optional<Donor> findOrganisationByName(String name) {
        return find("lower(name) = lower(?1) and type = ?2 and taxCode is null", name, DonorType.ORGANISATION)
                .firstResultOptional();
    }

    /** The earliest individual recorded with this phone number ({@code digits} only). */
    public static Optional<Donor> findIndividualByPhone(String digits) {
        return find("type = ?1 and phone is not null and function('regexp_replace', phone, '[^0-9]', '', 'g') = ?2"
                + " order by createdAt, id", DonorType.INDIVIDUAL, digits).firstResultOptional();
    }

    /** The earliest individual recorded with this e-mail address ({@code email} lower-case). */
    public static Optional<Donor> findIndividualByEmail(String email) {
        return find("type = ?1 and lower(email) = ?2 order by createdAt, id", DonorType.INDIVIDUAL, email)
                .firstResultOptional();
    }
}
