package vn.vnn.kit.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of every column type {@code CopyIn} writes. */
@Entity
@Table(name = "copied_row")
public class CopiedRow extends PanacheEntityBase {
    public enum Kind { PLAIN, ODD }

    @Id
    public UUID id;
    public String label;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public boolean flag;
    public Integer amount;
    public BigDecimal share;
    public LocalDate day;
    public OffsetDateTime at;
    @Version
    public long version;
}
