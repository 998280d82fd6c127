package vn.vnn.household.imports;

import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.kit.security.AreaScope;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A job being worked on, with the look-ups of units that every chunk repeats. */
public final class ImportRun {
    private final UUID id;
    private final TabularFile.Format format;
    private final byte[] content;
    private final String actor;
    private final int rowsDone;
    private final boolean unrestricted;
    private final Set<String> areaCodes;
    private final AreaScope readScope;
    private final Map<String, Optional<AdminUnit>> communes = new HashMap<>();
    private final Map<String, String> provinces = new HashMap<>();
    private final Map<String, Optional<String>> villages = new HashMap<>();

    ImportRun(UUID id, TabularFile.Format format, byte[] content, String actor, int rowsDone,
              boolean unrestricted, Set<String> areaCodes, AreaScope readScope) {
        this.unrestricted = unrestricted;
        this.areaCodes = Set.copyOf(areaCodes);
        this.readScope = readScope;
        this.id = id;
        this.format = format;
        this.content = content;
        this.actor = actor;
        this.rowsDone = rowsDone;
    }

    public UUID id() {
        return id;
    }

    public TabularFile.Format format() {
        return format;
    }

    /** The file as uploaded. */
    public java.io.InputStream file() {
        return HouseholdImport.decompress(content);
    }

    public String actor() {
        return actor;
    }

    /** May the uploader write households of this commune (or of its province)? */
    boolean covers(String communeCode, String provinceCode) {
        return unrestricted || areaCodes.contains(communeCode) || areaCodes.contains(provinceCode);
    }

    /** Which existing households the uploader may be told about. */
    AreaScope readScope() {
        return readScope;
    }

    /** Data rows already decided by an earlier run of this job. */
    public int rowsDone() {
        return rowsDone;
    }

    Optional<AdminUnit> commune(String code, LocalDate today) {
        return communes.computeIfAbsent(code, c -> AdminUnit.inForce(c, today)
                .filter(unit -> unit.level == AdminLevel.COMMUNE));
    }

    String province(String communeCode, LocalDate today) {
        return provinces.computeIfAbsent(communeCode, c -> AdminUnit.provinceOf(c, today));
    }

    String villageParent(String code, LocalDate today) {
        return villages.computeIfAbsent(code, c -> AdminUnit.inForce(c, today)
                .filter(unit -> unit.level == AdminLevel.VILLAGE).map(unit -> unit.parentCode)).orElse(null);
    }
}
