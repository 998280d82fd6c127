package vn.vnn.emulation.participants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who takes part in the movements (đối tượng thi đua): a collective (agency, commune, village, enterprise), an
 * individual or a household. Donors come from fund events (source DONOR), communes from household and fund events
 * (source COMMUNE, known by their code until someone names them), others are added by the emulation office (MANUAL).
 */
@Entity
public class Participant extends PanacheEntityBase {

    public static final String COLLECTIVE = "COLLECTIVE";
    public static final String INDIVIDUAL = "INDIVIDUAL";
    public static final String HOUSEHOLD = "HOUSEHOLD";
    public static final List<String> KINDS = List.of(COLLECTIVE, INDIVIDUAL, HOUSEHOLD);

    @Id
    public UUID id;
    /** COLLECTIVE, INDIVIDUAL or HOUSEHOLD. */
    public String kind;
    public String name;
    @Column(name = "area_code")
    public String areaCode;
    /** DONOR, COMMUNE or MANUAL. */
    public String source;
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Organisations take part as collectives (tập thể), people as individuals (cá nhân). */
    public static String kindOfDonor(String donorType) {
        return "ORGANISATION".equals(donorType) ? COLLECTIVE : INDIVIDUAL;
    }

    /**
     * Who an award form is for: a collective, or an individual (a household is awarded as individuals are, with its
     * own reward multiple).
     */
    public String awardSubject() {
        return COLLECTIVE.equals(kind) ? COLLECTIVE : INDIVIDUAL;
    }

    /** Participants whose name contains the text (case-insensitively, Unicode NFC), alphabetically; at most 100. */
    public static List<Participant> named(String part) {
        return part == null ? Participant.<Participant>find("1 = 1 order by lower(name), id").page(0, 100).list()
                : Participant.<Participant>find("lower(name) like ?1 order by lower(name), id",
                        "%" + part.toLowerCase(Locale.ROOT) + "%").page(0, 100).list();
    }
}
