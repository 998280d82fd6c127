package vn.vnn.household.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.sync.Change;
import vn.vnn.kit.sync.Delta;
import vn.vnn.kit.sync.SyncCursor;
import vn.vnn.kit.sync.SyncHorizon;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delta sync for field apps: the households and members in the caller's areas that changed after a cursor, oldest
 * change first. A household dissolved, or moved to a commune the caller no longer reaches, comes as a tombstone
 * (DISSOLVED, MOVED_AWAY); a member who left, moved or whose registration was rejected comes as a tombstone with that
 * reason, so that a client's copy never keeps what is gone.
 */
@ApplicationScoped
@TableOwner("household, household_member, household_residence (changes)")
public class HouseholdChanges {

    public static final int MAX_LIMIT = 500;

    /** A member as the delta gives it: with their household, the citizen ID shown only where the role may see it. */
    public record MemberRecord(HouseholdMember member, boolean citizenIdShown) {
    }

    private final Caller caller;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final SyncHorizon horizon;

    HouseholdChanges(Caller caller, AuditLog audit, EntityManager entityManager, SyncHorizon horizon) {
        this.caller = caller;
        this.audit = audit;
        this.entityManager = entityManager;
        this.horizon = horizon;
    }

    @Transactional
    public Delta<HouseholdRecord> households(SyncCursor from, String communeCode, int limit) {
        AreaScope scope = caller.scope();
        OffsetDateTime settled = horizon.now();
        if (scope.nothing()) {
            return Delta.of(List.of(), limit, from, settled);
        }
        // households now in the caller's areas, and those that lived there before (moved away: a tombstone)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT h.id, h.updated_at, h.version,
                               (CAST(?3 AS text[]) IS NULL OR h.commune_code = ANY(CAST(?3 AS text[]))
                                OR h.province_code = ANY(CAST(?3 AS text[])))
                                   AND (CAST(?4 AS text) IS NULL OR h.commune_code = CAST(?4 AS text)) AS here
                        FROM household h
                        WHERE (h.updated_at, h.id) > (CAST(?1 AS timestamptz), CAST(?2 AS uuid))
                          AND (((CAST(?3 AS text[]) IS NULL OR h.commune_code = ANY(CAST(?3 AS text[]))
                                 OR h.province_code = ANY(CAST(?3 AS text[])))
                                AND (CAST(?4 AS text) IS NULL OR h.commune_code = CAST(?4 AS text)))
                               OR EXISTS (SELECT 1 FROM household_residence r WHERE r.household_id = h.id
                                          AND (CAST(?3 AS text[]) IS NULL OR r.commune_code = ANY(CAST(?3 AS text[]))
                                               OR r.province_code = ANY(CAST(?3 AS text[])))
                                          AND (CAST(?4 AS text) IS NULL OR r.commune_code = CAST(?4 AS text))))
                        ORDER BY h.updated_at, h.id
                        LIMIT ?5""")
                .setParameter(1, from.time()).setParameter(2, from.id()).setParameter(3, scope.sqlArray())
                .setParameter(4, blankToNull(communeCode)).setParameter(5, limit + 1).getResultList();
        List<UUID> visible = rows.stream().filter(r -> (Boolean) r[3]).map(r -> (UUID) r[0]).toList();
        Map<UUID, Household> loaded = visible.isEmpty() ? Map.of()
                : Household.<Household>list("id in ?1", visible).stream()
                .collect(Collectors.toMap(h -> h.id, Function.identity()));
        boolean full = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.COMMUNE_OFFICER);
        List<Change<HouseholdRecord>> changes = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            OffsetDateTime at = NativeValues.offsetDateTime(r[1]);
            long version = ((Number) r[2]).longValue();
            Household household = loaded.get(id);
            if (household == null) {
                changes.add(Change.tombstone(id, version, at, "MOVED_AWAY"));
            } else if (household.dissolvedOn != null) {
                changes.add(Change.tombstone(id, version, at, "DISSOLVED"));
            } else {
                changes.add(Change.upsert(id, version, at, new HouseholdRecord(household, null, false, full)));
            }
        }
        Delta<HouseholdRecord> delta = Delta.of(changes, limit, from, settled);
        if (full) {
            List<UUID> shown = delta.items().stream().filter(c -> !c.removed()).map(Change::id).toList();
            if (!shown.isEmpty()) {
                audit.personalDataRead("HOUSEHOLD", shown, caller.actor(), "delta: phone");
            }
        }
        return delta;
    }

    @Transactional
    public Delta<MemberRecord> members(SyncCursor from, UUID householdId, int limit) {
        AreaScope scope = caller.scope();
        OffsetDateTime settled = horizon.now();
        if (scope.nothing()) {
            return Delta.of(List.of(), limit, from, settled);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT m.id, m.updated_at FROM household_member m JOIN household h ON h.id = m.household_id
                        WHERE (m.updated_at, m.id) > (CAST(?1 AS timestamptz), CAST(?2 AS uuid))
                          AND (CAST(?3 AS text[]) IS NULL OR h.commune_code = ANY(CAST(?3 AS text[]))
                               OR h.province_code = ANY(CAST(?3 AS text[])))
                          AND (CAST(?4 AS uuid) IS NULL OR m.household_id = CAST(?4 AS uuid))
                        ORDER BY m.updated_at, m.id
                        LIMIT ?5""")
                .setParameter(1, from.time()).setParameter(2, from.id()).setParameter(3, scope.sqlArray())
                .setParameter(4, householdId).setParameter(5, limit + 1).getResultList();
        Map<UUID, HouseholdMember> loaded = rows.isEmpty() ? Map.of()
                : HouseholdMember.<HouseholdMember>list("id in ?1", rows.stream().map(r -> (UUID) r[0]).toList())
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        boolean full = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.COMMUNE_OFFICER);
        List<Change<MemberRecord>> changes = new ArrayList<>();
        for (Object[] r : rows) {
            HouseholdMember member = loaded.get((UUID) r[0]);
            OffsetDateTime at = NativeValues.offsetDateTime(r[1]);
            if (member.inHousehold()) {
                changes.add(Change.upsert(member.id, member.version, at, new MemberRecord(member, full)));
            } else {
                changes.add(Change.tombstone(member.id, member.version, at,
                        member.leaveReason == null ? "LEFT" : member.leaveReason.name()));
            }
        }
        Delta<MemberRecord> delta = Delta.of(changes, limit, from, settled);
        if (full) {
            List<UUID> households = delta.items().stream().filter(c -> !c.removed())
                    .map(c -> c.data().member().householdId).distinct().toList();
            if (!households.isEmpty()) {
                audit.personalDataRead("HOUSEHOLD", households, caller.actor(), "member delta: citizen IDs");
            }
        }
        return delta;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
