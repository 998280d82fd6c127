package vn.vnn.emulation.nominations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Optional;

/** The base salary (mức lương cơ sở) from a date, as the decree that set it says; rewards are multiples of it. */
@Entity
@Table(name = "base_salary")
public class BaseSalary extends PanacheEntityBase {

    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "amount_vnd")
    public long amountVnd;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public java.time.OffsetDateTime createdAt;

    /** The base salary in force on the date: the latest that took effect on or before it. */
    public static Optional<BaseSalary> inForceOn(LocalDate date) {
        return find("validFrom <= ?1 order by validFrom desc", date).firstResultOptional();
    }
}
