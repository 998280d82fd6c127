package vn.vnn.emulation.nominations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An award form's reward as a multiple of the base salary from a date, as a decree set it: the multiple in force on
 * the decision's date applies (the provincial Bằng khen: 1.0× under Nghị định 98/2023, 1.5× from 1 July 2025 under
 * Nghị định 152/2025).
 */
@Entity
@Table(name = "award_form_rate")
@IdClass(AwardFormRate.Key.class)
public class AwardFormRate extends PanacheEntityBase {

    @Id
    @Column(name = "form_code")
    public String formCode;
    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;
    public BigDecimal multiple;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The multiple of the form in force on the date: the latest that took effect on or before it. */
    public static Optional<AwardFormRate> inForceOn(String formCode, LocalDate date) {
        return find("formCode = ?1 and validFrom <= ?2 order by validFrom desc", formCode, date)
                .firstResultOptional();
    }

    public static List<AwardFormRate> of(String formCode) {
        return list("formCode = ?1 order by validFrom", formCode);
    }

    /** The identity of a rate: form and first day. */
    public static final class Key implements Serializable {
        public String formCode;
        public LocalDate validFrom;

        public Key() {
        }

        public Key(String formCode, LocalDate validFrom) {
            this.formCode = formCode;
            this.validFrom = validFrom;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(formCode, key.formCode)
                    && Objects.equals(validFrom, key.validFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(formCode, validFrom);
        }
    }
}
