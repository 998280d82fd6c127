package vn.vnn.emulation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A participant's achievement in the movement, as measured from fund events. */
@Entity
public class Achievement extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public String participantId;
    @Column(name = "participant_name")
    public String participantName;
    @Column(name = "participant_type")
    public String participantType;
    @Column(name = "total_donated_vnd")
    public long totalDonatedVnd;
    @Column(name = "donation_count")
    public int donationCount;
    @Column(name = "last_donation_on")
    public LocalDate lastDonationOn;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** Adds one donation. Totals only grow; an overflow is a data error, never a silent wrap. */
    public void credit(long amountVnd, LocalDate on) {
        if (amountVnd <= 0) {
            throw new IllegalArgumentException("a donation credits a positive amount");
        }
        totalDonatedVnd = Math.addExact(totalDonatedVnd, amountVnd);
        donationCount = Math.addExact(donationCount, 1);
        if (lastDonationOn == null || on.isAfter(lastDonationOn)) {
            lastDonationOn = on;
        }
        updatedAt = OffsetDateTime.now();
    }

    /** A cancelled donation: its amount and its count go; the date of the last donation stays as it was. */
    public void debit(long amountVnd) {
        if (amountVnd <= 0 || amountVnd > totalDonatedVnd || donationCount == 0) {
            throw new IllegalArgumentException("a cancellation takes back a credited amount");
        }
        totalDonatedVnd -= amountVnd;
        donationCount -= 1;
        updatedAt = OffsetDateTime.now();
    }

    /** Organisations take part as collectives (tập thể), people as individuals (cá nhân). */
    public static String participantTypeOf(String donorType) {
        return "ORGANISATION".equals(donorType) ? "COLLECTIVE" : "INDIVIDUAL";
    }
}
