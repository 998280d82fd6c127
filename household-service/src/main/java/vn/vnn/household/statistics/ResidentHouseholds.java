package vn.vnn.household.statistics;

import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resident households (hộ dân cư) per commune and year as a province supplies them, for registries that hold only
 * poor and near-poor households (docs/domain-rules.md, statistics rule 4): imported from CSV, all rows or none,
 * audited; where present they are the denominator of the commune's rates and the report says so.
 */
@ApplicationScoped
@TableOwner({"resident_household_count"})
public class ResidentHouseholds {

    public static final List<String> COLUMNS = List.of("communeCode", "year", "households", "source");
    private static final int MAX_ROWS = 50_000;

    /** A commune's figure for a year, with where it comes from (e.g. "Tổng điều tra dân số 2024", a decision). */
    public record Supplied(String communeCode, int year, long households, String source, String importedBy,
                           OffsetDateTime importedAt) {
    }

    /** What an import did. */
    public record Imported(int rows, int created, int updated) {
    }

    private final EntityManager entityManager;
    private final Caller caller;
    private final AuditLog audit;
    private final VietnamClock clock;

    ResidentHouseholds(EntityManager entityManager, Caller caller, AuditLog audit, VietnamClock clock) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** The supplied figures of these communes for the year, by commune code. */
    Map<String, Supplied> forYear(int year, Collection<String> communes) {
        Map<String, Supplied> found = new HashMap<>();
        for (Supplied s : query("WHERE year = ?1 AND commune_code = ANY(CAST(?2 AS text[]))", year,
                communes.toArray(String[]::new))) {
            found.put(s.communeCode(), s);
        }
        return found;
    }

    /** The figures of a year, of the communes the caller reaches. */
    @Transactional
    public List<Supplied> list(int year) {
        return query("WHERE year = ?1 AND commune_code <> ?2 ORDER BY commune_code", year, "").stream()
                .filter(s -> reaches(s.communeCode(), LocalDate.of(year, 12, 31))).toList();
    }

    /**
     * Imports {@code communeCode,year,households,source} rows: each commune must be a commune in force on the
     * year's reference day and in the caller's areas; any bad row rejects the file.
     */
    @Transactional
    public Imported importCsv(String csv) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Supplied> rows = new ArrayList<>();
        String actor = caller.actor();
        OffsetDateTime now = clock.now();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.replace("\uFEFF", "")),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get())) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("file", "missing columns " + missing + "; expected " + COLUMNS);
            }
            Set<String> keys = new HashSet<>();
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw ProblemException.invalid("file", "has more than " + MAX_ROWS + " rows");
                }
                Supplied row = row(record, errors, actor, now);
                if (row != null && !keys.add(row.communeCode() + "@" + row.year())) {
                    errors.add(error(record, "communeCode", "appears twice for " + row.year()));
                } else if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The file is not readable CSV: " + e.getMessage());
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw ProblemException.invalid("file", "has no rows");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The file has " + errors.size()
                    + " error(s); nothing was imported", errors);
        }
        int created = 0;
        for (Supplied row : rows) {
            Object before = entityManager.createNativeQuery("""
                            SELECT households FROM resident_household_count WHERE commune_code = ?1 AND year = ?2""")
                    .setParameter(1, row.communeCode()).setParameter(2, row.year()).getResultStream().findFirst()
                    .orElse(null);
            entityManager.createNativeQuery("""
                            INSERT INTO resident_household_count (commune_code, year, households, source, imported_by,
                                                                  imported_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                            ON CONFLICT (commune_code, year) DO UPDATE SET households = EXCLUDED.households,
                                source = EXCLUDED.source, imported_by = EXCLUDED.imported_by,
                                imported_at = EXCLUDED.imported_at""")
                    .setParameter(1, row.communeCode()).setParameter(2, row.year()).setParameter(3, row.households())
                    .setParameter(4, row.source()).setParameter(5, actor).setParameter(6, now).executeUpdate();
            created += before == null ? 1 : 0;
            audit.record("RESIDENT_HOUSEHOLDS", row.communeCode() + "@" + row.year(), "IMPORTED", actor,
                    (before == null ? "" : before + " -> ") + row.households() + " (" + row.source() + ")");
        }
        return new Imported(rows.size(), created, rows.size() - created);
    }

    private Supplied row(CSVRecord record, List<Problem.FieldError> errors, String actor, OffsetDateTime now) {
        int before = errors.size();
        String commune = record.get("communeCode");
        Integer year = whole(record, "year", errors);
        Long households = wholeLong(record, errors);
        String source = record.get("source");
        if (source.isEmpty() || source.length() > 300) {
            errors.add(error(record, "source", "must name where the figure comes from (1–300 characters)"));
        }
        if (year != null && (year < 2000 || year > 2100)) {
            errors.add(error(record, "year", "must be between 2000 and 2100"));
        } else if (year != null) {
            LocalDate day = LocalDate.of(year, 12, 31);
            AdminUnit unit = AdminUnit.inForce(commune, day).orElse(null);
            if (unit == null || unit.level != AdminLevel.COMMUNE) {
                errors.add(error(record, "communeCode", "is no commune in force on " + day));
            } else if (!reaches(commune, day)) {
                errors.add(error(record, "communeCode", "is outside the areas you work in"));
            }
        }
        if (errors.size() > before || households == null) {
            return null;
        }
        return new Supplied(commune, year, households, source, actor, now);
    }

    private static Integer whole(CSVRecord record, String column, List<Problem.FieldError> errors) {
        try {
            return Integer.parseInt(record.get(column));
        } catch (NumberFormatException e) {
            errors.add(error(record, column, "must be a whole number"));
            return null;
        }
    }

    private static Long wholeLong(CSVRecord record, List<Problem.FieldError> errors) {
        try {
            long value = Long.parseLong(record.get("households"));
            if (value < 0 || value > 100_000_000L) {
                errors.add(error(record, "households", "must be between 0 and 100,000,000"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(error(record, "households", "must be a whole number"));
            return null;
        }
    }

    private static Problem.FieldError error(CSVRecord record, String column, String message) {
        return new Problem.FieldError("row " + (record.getRecordNumber() + 1) + " " + column, message);
    }

    /** The caller reaches the commune or a unit above it in the tree of the day. */
    private boolean reaches(String commune, LocalDate day) {
        return caller.scope().covers(commune, AdminUnit.provinceOf(commune, day));
    }

    private List<Supplied> query(String where, Object first, Object second) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT commune_code, year, households, source, imported_by, imported_at
                        FROM resident_household_count
                        """ + where)
                .setParameter(1, first).setParameter(2, second).getResultList();
        return rows.stream().map(r -> new Supplied((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], offset(r[5]))).toList();
    }

    private static OffsetDateTime offset(Object value) {
        return value instanceof OffsetDateTime o ? o : value instanceof java.time.Instant i
                ? i.atOffset(java.time.ZoneOffset.UTC) : ((java.sql.Timestamp) value).toInstant()
                .atOffset(java.time.ZoneOffset.UTC);
    }
}
