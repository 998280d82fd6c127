package vn.vnn.emulation.domain;

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
        MANUAL
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
