package vn.vnn.household.registry;

import vn.vnn.household.standards.PovertyStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One recognition decision about a household; the history is never rewritten. */
@Entity
@Table(name = "status_recognition")
public class StatusRecognition extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "review_year")
    public int reviewYear;
    @Enumerated(EnumType.STRING)
    public PovertyStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public PovertyStatus previousStatus;
    @Enumerated(EnumType.STRING)
    public StatusTransition transition;
    public String standard;
    @Column(name = "recognized_on")
    public LocalDate recognizedOn;
    @Column(name = "decision_no")
    public String decisionNo;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
