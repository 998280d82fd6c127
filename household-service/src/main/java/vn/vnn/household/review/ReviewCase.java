package vn.vnn.household.review;

import vn.vnn.household.standards.PovertyStatus;

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

/** One household's case in a review round. */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "round_id")
    public UUID roundId;
    @Column(name = "household_id")
    public UUID householdId;
    @Enumerated(EnumType.STRING)
    public ReviewWorkflow.State state;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_status")
    public PovertyStatus proposedStatus;
    @Column(name = "income_per_capita_vnd")
    public Long incomePerCapitaVnd;
    /** Comma-separated indicator codes found deprived at the survey. */
    public String deprivations;
    @Column(name = "surveyed_on")
    public LocalDate surveyedOn;
    @Column(name = "meeting_on")
    public LocalDate meetingOn;
    @Column(name = "meeting_minutes_no")
    public String meetingMinutesNo;
    @Column(name = "posted_on")
    public LocalDate postedOn;
    @Column(name = "complaints_until")
    public LocalDate complaintsUntil;
    public int complaints;
    @Column(name = "recognition_id")
    public UUID recognitionId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
