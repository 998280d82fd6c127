package vn.vnn.household.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "review_round")
public class ReviewRound extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "commune_code")
    public String communeCode;
    @Enumerated(EnumType.STRING)
    public ReviewWorkflow.Kind kind;
    @Column(name = "review_year")
    public int reviewYear;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    @Column(name = "posting_days")
    public int postingDays;
    @Column(name = "complaint_days")
    public int complaintDays;
    /** Periods counted in working days (Quyết định 24/2021/QĐ-TTg), or in calendar days when false. */
    @Column(name = "working_days")
    public boolean workingDays;
    /** The year whose status the round decides: the next for a periodic review, the current for a regular one. */
    @Column(name = "decides_year")
    public int decidesYear;
    /** The poverty standard the round classifies by: by default the one in force on 1 January of decidesYear. */
    @Column(name = "standard_code")
    public String standardCode;
    @Column(name = "created_by")
    public String createdBy;
    /** The round's province on the tree in force when it opened, so that area scopes read rounds by SQL. */
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
