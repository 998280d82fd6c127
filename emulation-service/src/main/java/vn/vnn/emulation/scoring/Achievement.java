package vn.vnn.emulation.scoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a participant gave to the funds of one area, as measured from fund events. A ranking adds up the areas the
 * caller reaches; anonymous gifts are never in it.
 */
@Entity
@IdClass(Achievement.Key.class)
public class Achievement extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public String participantId;
    /** The area of the fund that received the gifts. */
    @Id
    @Column(name = "area_code")
    public String areaCode;
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

    /** A cancelled donation: its amount and its count go; the date of the last donation stays as it was. */
    public void debit(long amountVnd, OffsetDateTime at) {
        if (amountVnd <= 0 || amountVnd > totalDonatedVnd || donationCount == 0) {
            throw new IllegalArgumentException("a cancellation takes back a credited amount");
        }
        totalDonatedVnd -= amountVnd;
        donationCount -= 1;
        updatedAt = at;
    }

    /** The identity of an achievement row: participant and area. */
    public static final class Key implements Serializable {
        public String participantId;
        public String areaCode;

        public Key() {
        }

        public Key(String participantId, String areaCode) {
            this.participantId = participantId;
            this.areaCode = areaCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(participantId, key.participantId)
                    && Objects.equals(areaCode, key.areaCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(participantId, areaCode);
        }
    }
}
