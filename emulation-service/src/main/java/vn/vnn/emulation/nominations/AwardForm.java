package vn.vnn.emulation.nominations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A form of award (hình thức khen thưởng) with its level, whom it is for, its reward as a multiple of the base salary
 * and, where the law asks for one, its public-comment period (Luật Thi đua, khen thưởng 2022; NĐ 152/2025).
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
    /** INDIVIDUAL, COLLECTIVE or ANY. */
    public String subject;
    /** The reward as a multiple of the base salary (mức lương cơ sở). */
    public BigDecimal multiple;
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

    /** Whether a participant whose award subject is {@code subject} (COLLECTIVE or INDIVIDUAL) may receive it. */
    public boolean isFor(String subject) {
        return "ANY".equals(this.subject) || this.subject.equals(subject);
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
