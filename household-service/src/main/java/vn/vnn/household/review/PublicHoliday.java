package vn.vnn.household.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * A public holiday (ngày nghỉ lễ, Tết) as the Government announces it each year: dated data an admin maintains, used
 * to count the review's periods in working days.
 */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday extends PanacheEntityBase {

    @Id
    public LocalDate day;
    public String name;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The holidays from {@code from} to {@code to}, inclusive. */
    public static Set<LocalDate> between(LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        PublicHoliday.<PublicHoliday>list("day between ?1 and ?2", from, to).forEach(h -> days.add(h.day));
        return days;
    }
}
