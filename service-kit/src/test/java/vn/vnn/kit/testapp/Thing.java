package vn.vnn.kit.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
public class Thing extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "amount_vnd")
    public long amountVnd;
    @Version
    public long version;
}
