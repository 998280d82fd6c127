package vn.vnn.emulation.participants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.Ids;
import vn.vnn.kit.sql.TableOwner;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who the participants are and which movements they take part in, written set-wise as events arrive: the one owner of
 * {@code participant} and {@code registration}.
 */
@ApplicationScoped
@TableOwner({"participant", "registration"})
public class Participants {

    /** A donor as a fund event names them. */
    public record Donor(String donorRef, String donorType, String name, String areaCode) {
    }

    /** A participant's registration in a movement from a date (the first event that measured them). */
    public record Registration(UUID movementId, UUID participantId, LocalDate on) {
    }

    private final EntityManager entityManager;

    Participants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The commune as a collective participant, known by its code until someone names it. */
    public UUID commune(String communeCode, String provinceCode) {
        @SuppressWarnings("unchecked")
        List<UUID> id = entityManager.createNativeQuery("""
                        INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                        VALUES (?1, 'COLLECTIVE', ?2, ?3, 'COMMUNE', ?4, now())
                        ON CONFLICT (source, source_ref) DO UPDATE SET area_code = participant.area_code
                        RETURNING id""", UUID.class)
                .setParameter(1, Ids.newId()).setParameter(2, "Xã, phường " + communeCode)
                .setParameter(3, provinceCode == null ? communeCode : provinceCode).setParameter(4, communeCode)
                .getResultList();
        return id.get(0);
    }

    /** The province a commune participant was last seen in; null when unknown (or the commune is its own area). */
    public String provinceOfCommune(String communeCode) {
        @SuppressWarnings("unchecked")
        List<String> province = entityManager.createNativeQuery("""
                        SELECT area_code FROM participant WHERE source = 'COMMUNE' AND source_ref = ?1""")
                .setParameter(1, communeCode).getResultList();
        return province.isEmpty() || communeCode.equals(province.get(0)) ? null : province.get(0);
    }

    /**
     * The donors as participants, by donor reference, created when new; the name given last wins. Only named gifts
     * come here: an anonymous one is never attributed to a participant.
     */
    public Map<String, UUID> donors(List<Donor> donors) {
        Map<String, Donor> latest = new java.util.TreeMap<>();
        donors.forEach(d -> latest.put(d.donorRef(), d));
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("""
                        INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                        SELECT CAST(i AS uuid), k, n, a, 'DONOR', r, now()
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[])) AS t (i, k, n, a, r)
                        ON CONFLICT (source, source_ref) DO UPDATE SET source = participant.source
                        RETURNING source_ref || '|' || CAST(id AS text)""", String.class)
                .setParameter(1, latest.values().stream().map(d -> Ids.newId().toString()).toArray(String[]::new))
                .setParameter(2, latest.values().stream().map(d -> Participant.kindOfDonor(d.donorType()))
                        .toArray(String[]::new))
                .setParameter(3, latest.values().stream().map(Donor::name).toArray(String[]::new))
                .setParameter(4, latest.values().stream().map(Donor::areaCode).toArray(String[]::new))
                .setParameter(5, latest.keySet().toArray(String[]::new)).getResultList();
        entityManager.createNativeQuery("""
                        UPDATE participant p SET name = t.n
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS t (r, n)
                        WHERE p.source = 'DONOR' AND p.source_ref = t.r AND p.name <> t.n""")
                .setParameter(1, latest.keySet().toArray(String[]::new))
                .setParameter(2, latest.values().stream().map(Donor::name).toArray(String[]::new)).executeUpdate();
        Map<String, UUID> ids = new HashMap<>();
        for (String row : rows) {
            int bar = row.lastIndexOf('|');
            ids.put(row.substring(0, bar), UUID.fromString(row.substring(bar + 1)));
        }
        return ids;
    }

    /** Measured participants take part in the movements they score in (đăng ký by their achievement). */
    public void registerMeasured(List<Registration> registrations) {
        entityManager.createNativeQuery("""
                        INSERT INTO registration (movement_id, participant_id, registered_on, how)
                        SELECT CAST(m AS uuid), CAST(p AS uuid), CAST(d AS date), 'MEASURED'
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS t (m, p, d)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, registrations.stream().map(r -> r.movementId().toString()).toArray(String[]::new))
                .setParameter(2, registrations.stream().map(r -> r.participantId().toString()).toArray(String[]::new))
                .setParameter(3, registrations.stream().map(r -> r.on().toString()).toArray(String[]::new))
                .executeUpdate();
    }

    /** Đăng ký thi đua by the office; registering twice changes nothing. */
    void registerApplied(UUID movementId, UUID participantId, LocalDate on) {
        entityManager.createNativeQuery("""
                        INSERT INTO registration (movement_id, participant_id, registered_on, how)
                        VALUES (?1, ?2, ?3, 'APPLIED') ON CONFLICT DO NOTHING""")
                .setParameter(1, movementId).setParameter(2, participantId).setParameter(3, on).executeUpdate();
    }
}
