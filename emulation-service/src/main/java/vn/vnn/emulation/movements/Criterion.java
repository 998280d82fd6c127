package vn.vnn.emulation.movements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A weighted measure of a movement with its target; participants at or above the threshold become candidates. */
@Entity
public class Criterion extends PanacheEntityBase {

    /** What a criterion counts. Measured ones are fed by events; MANUAL by verified evidence. */
    public enum Measure {
        /** Money and goods given to the fund, in đồng (fund.donation-received.v1). */
        DONATED_VND,
        /** Number of donations to the fund. */
        DONATIONS,
        /** A commune's households recognised as having escaped poverty (household.status-recognized.v1). */
        HOUSEHOLDS_ESCAPED,
        /** A commune's households that fell back into poverty (tái nghèo): more is worse. */
        HOUSEHOLDS_RE_POOR(true),
        /** A commune's households poor for the first time (hộ nghèo phát sinh): more is worse. */
        HOUSEHOLDS_NEWLY_POOR(true),
        /**
         * Great Solidarity houses built new in a commune (fund.disbursement-paid.v1, purpose HOUSING, house work
         * NEW_BUILD or not stated), each household's once.
         */
        HOUSES_BUILT,
        /** Great Solidarity houses repaired in a commune (house work REPAIR), each household's once. */
        HOUSES_REPAIRED,
        /**
         * The fall of a commune's poverty rate over the movement, in percentage points: the rate at the end of the
         * year before it started minus the latest rate of a year within it, of the same commune version
         * (household.commune-poverty-rate.v1); a rise is a negative fall.
         */
        POVERTY_RATE_FALL,
        /** Support paid to a commune's households, in đồng. */
        SUPPORT_RECEIVED_VND,
        MANUAL;

        private final boolean lowerIsBetter;

        Measure() {
            this(false);
        }

        Measure(boolean lowerIsBetter) {
            this.lowerIsBetter = lowerIsBetter;
        }

        /**
         * A measure where more is worse (re-poverty, newly poor households): it lowers the score, and growing it never
         * makes a participant a candidate (Kế hoạch 416/KH-UBND: limit re-poverty and new poverty).
         */
        public boolean lowerIsBetter() {
            return lowerIsBetter;
        }
    }

    @Id
    public UUID id;
    @Column(name = "movement_id")
    public UUID movementId;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Measure measure;
    public BigDecimal weight;
    public BigDecimal target;
    @Column(name = "candidate_threshold")
    public BigDecimal candidateThreshold;

    public static List<Criterion> of(UUID movementId) {
        return list("movementId = ?1 order by code", movementId);
    }
}
