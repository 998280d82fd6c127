package vn.vnn.fund.disbursements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The fund's copy of a household's latest recognised poverty status. Households recognised as poor or near-poor
 * (hộ nghèo, hộ cận nghèo) are eligible for support.
 */
@Entity
@Table(name = "eligible_household")
public class EligibleHousehold extends PanacheEntityBase {

    public static final Set<String> ELIGIBLE_STATUSES = Set.of("POOR", "NEAR_POOR");

    @Id
    @Column(name = "household_id")
    public String householdId;
    @Column(name = "household_code")
    public String householdCode;
    @Column(name = "commune_code")
    public String communeCode;
    @Column(name = "province_code")
    public String provinceCode;
    public String status;
    public boolean eligible;
    public String standard;
    @Column(name = "review_year")
    public int reviewYear;
    @Column(name = "recognized_on")
    public LocalDate recognizedOn;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
