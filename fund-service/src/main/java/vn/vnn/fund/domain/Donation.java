package vn.vnn.fund.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A donation received by the fund. Never edited: corrections are new entries (issue: fund ledger). */
@Entity
public class Donation extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "donor_id")
    public Donor donor;
    @Enumerated(EnumType.STRING)
    public DonationKind kind;
    @Column(name = "amount_vnd")
    public long amountVnd;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "fund_area_code")
    public String fundAreaCode;
    public boolean anonymous;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
