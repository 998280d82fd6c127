package vn.vnn.emulation.nominations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A form of award (hình thức khen thưởng) with its level, the participant kinds it is for and, where the law asks for
 * one, its public-comment period (Luật Thi đua, khen thưởng 2022; NĐ 152/2025). Its reward is a dated multiple of the
 * base salary ({@link AwardFormRate}).
 */
@Entity
@Table(name = "award_form")
public class AwardForm extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    /** CERTIFICATE_OF_MERIT, LETTER_OF_COMMENDATION or TITLE. */
    @Column(name = "award_type")
    public String awardType;
    /** COMMUNE, PROVINCE or NATIONAL: whose chairman decides it. */
    public String level;
    /** The participant kinds the form is for, e.g. {@code COLLECTIVE,HOUSEHOLD,INDIVIDUAL}. */
    @Column(name = "participant_kinds")
    public String participantKinds;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    /** Days of public comment before the decision; null when the step is optional. */
    @Column(name = "announcement_days")
    public Integer announcementDays;

    /** The form of this code in force on the date. */
    public static Optional<AwardForm> inForce(String code, LocalDate on) {
        return find("code = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", code, on)
                .firstResultOptional();
    }

    /** The participant kinds the form is for (Luật Thi đua, khen thưởng 2022: individual titles for individuals). */
    public List<String> kinds() {
        return List.of(participantKinds.split(","));
    }

    /** Whether a participant of this kind (COLLECTIVE, INDIVIDUAL or HOUSEHOLD) may receive the form. */
    public boolean isFor(String participantKind) {
        return kinds().contains(participantKind);
    }

    /** Bằng khen and Giấy khen: a collective receives twice an individual's amount (NĐ 91/2017 art. 73, NĐ 98/2023). */
    public boolean doublesForCollectives() {
        return "CERTIFICATE_OF_MERIT".equals(awardType) || "LETTER_OF_COMMENDATION".equals(awardType);
    }

    /** The authority named on the decision when the chairman gives none. */
    public String defaultAuthority() {
        return "PROVINCE".equals(level) ? "Ủy ban nhân dân tỉnh" : "Ủy ban nhân dân xã";
    }

    /** As printed large on a certificate: the form without "of the chairman of …". */
    public String certificateTitle() {
        return name.replaceFirst(" của .*$", "");
    }
}
