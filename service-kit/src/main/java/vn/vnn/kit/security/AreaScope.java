package vn.vnn.kit.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The areas one call may reach: every area ({@link #national()}), the listed area codes, or nothing at all (an
 * area-bound caller without areas, or a role that has no reach in this service). Decided by {@link Reach}.
 *
 * @param national true when every area is reached
 * @param areas    the area codes reached when not national (provinces and communes); empty with national
 */
public record AreaScope(boolean national, Set<String> areas) {

    public static final AreaScope NATIONAL = new AreaScope(true, Set.of());
    public static final AreaScope NOTHING = new AreaScope(false, Set.of());

    public AreaScope {
        areas = national ? Set.of() : Set.copyOf(new TreeSet<>(areas));
    }

    public static AreaScope of(Collection<String> areas) {
        return new AreaScope(false, Set.copyOf(areas));
    }

    /** True when the call reaches no area at all: lists are empty and every id is "not found". */
    public boolean nothing() {
        return !national && areas.isEmpty();
    }

    /** True when any of the codes (e.g. a household's commune and its province) is reached. */
    public boolean covers(String... codes) {
        return national || Arrays.stream(codes).filter(Objects::nonNull).anyMatch(areas::contains);
    }

    /** The area codes to bind in a query's {@code in (...)}; never empty, so that SQL stays valid. */
    public Set<String> queryAreas() {
        return areas.isEmpty() ? Set.of("-") : areas;
    }

    /**
     * A query condition that keeps rows of the reached areas: {@code 1 = 1} when national, otherwise any of the
     * columns (a commune and its province, say) {@code in :scope}; bind the parameter with {@link #bind}. Works in
     * JPQL and in native SQL with named parameters.
     */
    public String where(String... columns) {
        if (national) {
            return "1 = 1";
        }
        return "(" + String.join(" or ", Arrays.stream(columns).map(c -> c + " in :scope").toList()) + ")";
    }

    /** Binds {@code :scope} for {@link #where}; nothing when national. */
    public void bind(java.util.Map<String, Object> params) {
        if (!national) {
            params.put("scope", queryAreas());
        }
    }

    /** The reached area codes for a native {@code = ANY(?)} parameter; null when national (all areas). */
    public String[] sqlArray() {
        return national ? null : queryAreas().toArray(String[]::new);
    }

    /** As stored with a background job, e.g. {@code *} or {@code 99,99111}. */
    public String encode() {
        return national ? "*" : String.join(",", new TreeSet<>(areas));
    }

    public static AreaScope decode(String encoded) {
        if ("*".equals(encoded)) {
            return NATIONAL;
        }
        return encoded == null || encoded.isBlank() ? NOTHING
                : of(Arrays.stream(encoded.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
