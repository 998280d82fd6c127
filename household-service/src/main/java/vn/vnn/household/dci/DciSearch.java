package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.household.registry.Household;
import vn.vnn.household.registry.HouseholdMember;
import vn.vnn.household.verification.StatusVerifications;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The DCI search of the Social Registry profile (docs/dci-profile.md): by identifier (a citizen ID, a household
 * reference or id) or by predicate (area, poverty status, review year), in the caller's granted areas, for a purpose
 * granted to it. The answer is groups (households) with their poverty status and standard — never members, names or
 * citizen IDs. Every search item is logged in the access log of status verifications.
 */
@ApplicationScoped
@TableOwner("household, status_recognition (DCI search)")
public class DciSearch {

    public static final String CITIZEN_ID = "VN-CCCD";
    public static final String HOUSEHOLD_REF = "VN-HOUSEHOLD-REF";
    public static final String HOUSEHOLD_ID = "VN-HOUSEHOLD-ID";
    public static final String REG_TYPE = "ns:vn:RegistryType:SocialRegistry";
    public static final String RECORD_TYPE = "ns:vn:RegistryRecordType:Household";
    public static final int MAX_PAGE_SIZE = 1000;
    static final Set<String> LISTED_STATUSES = Set.of("POOR", "NEAR_POOR");

    /** A search item refused with a DCI status reason code. */
    static final class Rejected extends RuntimeException {
        final String code;

        Rejected(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** What a predicate asks for. */
    record Predicate(Set<String> areas, Set<String> statuses, Integer yearFrom, Integer yearTo) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final StatusVerifications accessLog;
    private final VietnamClock clock;

    DciSearch(EntityManager entityManager, ObjectMapper json, StatusVerifications accessLog, VietnamClock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The SearchResponse message for a SearchRequest message, answered for {@code reach}. */
    @Transactional
    public ObjectNode search(JsonNode request, Reach reach, String correlationId) {
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", text(request, "transaction_id"));
        response.put("correlation_id", correlationId);
        ArrayNode answers = response.putArray("search_response");
        JsonNode items = request.path("search_request");
        if (!items.isArray() || items.isEmpty()) {
            throw ProblemException.invalid("message.search_request", "one or more search requests");
        }
        if (items.size() > 100) {
            throw ProblemException.invalid("message.search_request", "at most 100 in one message");
        }
        accessLog.requireQuota(reach.client(), items.size());
        Set<String> references = new java.util.HashSet<>();
        for (JsonNode item : items) {
            ObjectNode answer = answers.addObject();
            String reference = text(item, "reference_id");
            answer.put("reference_id", reference == null ? "" : reference);
            answer.put("timestamp", DciEnvelopes.ts(clock.now()));
            try {
                if (reference == null || reference.isBlank() || reference.length() > 99) {
                    throw new Rejected("rjct.reference_id.invalid", "reference_id: 1 to 99 characters");
                }
                if (!references.add(reference)) {
                    throw new Rejected("rjct.reference_id.duplicate", "reference_id " + reference + " is repeated");
                }
                if (!timestamp(item.path("timestamp"))) {
                    throw new Rejected("rjct.timestamp.invalid", "timestamp: an ISO 8601 date-time with offset");
                }
                answer.put("status", "succ");
                answer.set("data", data(item.path("search_criteria"), reach, answer));
            } catch (Rejected e) {
                answer.put("status", "rjct");
                answer.put("status_reason_code", e.code);
                answer.put("status_reason_message", e.getMessage());
                answer.remove("data");
            }
            answer.put("locale", "vie");
        }
        return response;
    }

    private ObjectNode data(JsonNode criteria, Reach reach, ObjectNode answer) {
        String purpose = purpose(criteria);
        if (purpose == null) {
            throw new Rejected("rjct.search_criteria.invalid", "authorize.purpose.code (or consent.purpose.code): "
                    + "the purpose of the search, one of those granted to your client");
        }
        if (!reach.grants(purpose)) {
            throw new Rejected("rjct.search_criteria.invalid", "purpose " + purpose + " is not granted to your client");
        }
        String queryType = text(criteria, "query_type");
        ObjectNode data = json.createObjectNode();
        data.put("version", "1.0.0");
        data.put("reg_type", REG_TYPE);
        data.put("reg_record_type", RECORD_TYPE);
        ArrayNode records = data.putArray("reg_records");
        LocalDate today = clock.today();
        if ("idtype-value".equals(queryType)) {
            JsonNode query = criteria.path("query");
            String type = text(query, "type");
            String value = query.path("value").isValueNode() ? query.path("value").asText().strip() : null;
            if (type == null || value == null || value.isEmpty() || value.length() > 200) {
                throw new Rejected("rjct.search_criteria.invalid", "query: {type, value}, value a string");
            }
            Household household = byIdentifier(type, value);
            boolean visible = household != null && reach.scope().covers(household.communeCode, household.provinceCode);
            Map<UUID, Recognition> latest = visible ? latest(List.of(household.id)) : Map.of();
            if (visible) {
                records.add(record(household, latest.get(household.id)));
            }
            accessLog.logLookUp("DCI", reach.client(), purpose, kind(type), type.equals(HOUSEHOLD_ID)
                    ? value.toLowerCase(java.util.Locale.ROOT) : value, today,
                    visible ? status(household, latest.get(household.id)) : "NOT_FOUND",
                    visible ? household.communeCode : null, null);
            answer.set("pagination", pagination(1, 1, records.size()));
            return data;
        }
        if ("predicate".equals(queryType)) {
            Predicate predicate = predicate(criteria.path("query"));
            JsonNode pagination = criteria.path("pagination");
            int size = pagination.path("page_size").isMissingNode() ? 100 : pagination.path("page_size").asInt(-1);
            int page = pagination.path("page_number").isMissingNode() ? 1 : pagination.path("page_number").asInt(-1);
            if (size < 1 || size > MAX_PAGE_SIZE || page < 1 || (long) (page - 1) * size > 10_000_000L) {
                throw new Rejected("rjct.pagination.invalid", "page_size 1–" + MAX_PAGE_SIZE + ", page_number from 1");
            }
            long total = count(predicate, reach);
            List<Household> found = households(predicate, reach, size, (page - 1) * size);
            Map<UUID, Recognition> latest = latest(found.stream().map(h -> h.id).toList());
            for (Household household : found) {
                records.add(record(household, latest.get(household.id)));
            }
            accessLog.logLookUp("DCI", reach.client(), purpose, "PREDICATE", new String(
                    DciSignatures.canonical(criteria.path("query")), java.nio.charset.StandardCharsets.UTF_8),
                    today, "LIST", null, (int) Math.min(total, Integer.MAX_VALUE));
            answer.set("pagination", pagination(size, page, total));
            return data;
        }
        throw new Rejected("rjct.search_criteria.invalid", "query_type: idtype-value or predicate (expression is not "
                + "supported by this registry)");
    }

    private Household byIdentifier(String type, String value) {
        switch (type) {
            case CITIZEN_ID: {
                if (!value.matches("[0-9]{12}")) {
                    throw new Rejected("rjct.search_criteria.invalid", CITIZEN_ID + ": 12 digits");
                }
                HouseholdMember member = HouseholdMember.activeWithCitizenIds(List.of(value)).get(value);
                return member == null ? null : Household.findById(member.householdId);
            }
            case HOUSEHOLD_REF: {
                int slash = value.indexOf('/');
                if (slash < 1 || slash == value.length() - 1) {
                    throw new Rejected("rjct.search_criteria.invalid", HOUSEHOLD_REF + ": {commune code}/{household ref}");
                }
                return Household.<Household>find("communeCode = ?1 and householdRef = ?2", value.substring(0, slash),
                        value.substring(slash + 1)).firstResultOptional().orElse(null);
            }
            case HOUSEHOLD_ID: {
                try {
                    return Household.findById(UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    throw new Rejected("rjct.search_criteria.invalid", HOUSEHOLD_ID + ": a UUID");
                }
            }
            default:
                throw new Rejected("rjct.search_criteria.invalid", "identifier type: " + CITIZEN_ID + ", "
                        + HOUSEHOLD_REF + " or " + HOUSEHOLD_ID);
        }
    }

    /** A predicate: expressions joined by "and" on area_code, poverty_status and review_year. */
    static Predicate predicate(JsonNode query) {
        if (!query.isArray() || query.isEmpty() || query.size() > 20) {
            throw new Rejected("rjct.search_criteria.invalid", "query: 1 to 20 predicates");
        }
        Set<String> areas = new LinkedHashSet<>();
        Set<String> statuses = new LinkedHashSet<>();
        Integer[] years = {null, null};
        for (JsonNode item : query) {
            apply(item.path("expression1"), areas, statuses, years);
            if (item.has("expression2") && !item.path("expression2").isNull()) {
                if (!"and".equals(item.path("condition").asText("and"))) {
                    throw new Rejected("rjct.search_criteria.invalid", "condition: only \"and\" is supported");
                }
                apply(item.path("expression2"), areas, statuses, years);
            }
        }
        if (statuses.isEmpty()) {
            statuses.addAll(LISTED_STATUSES);
        }
        return new Predicate(areas, statuses, years[0], years[1]);
    }

    private static void apply(JsonNode expression, Set<String> areas, Set<String> statuses, Integer[] years) {
        String name = expression.path("attribute_name").asText("");
        String operator = expression.path("operator").asText("");
        JsonNode value = expression.path("attribute_value");
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asText().strip()));
        } else if (value.isValueNode() && !value.isNull()) {
            for (String part : value.asText().split(",")) {
                values.add(part.strip());
            }
        }
        if (values.isEmpty() || values.size() > 200 || values.stream().anyMatch(String::isEmpty)) {
            throw new Rejected("rjct.search_criteria.invalid", name + ": give a value");
        }
        switch (name) {
            case "area_code" -> {
                if (!operator.equals("eq") && !operator.equals("in")
                        || values.stream().anyMatch(v -> !v.matches("[0-9]{2,10}"))) {
                    throw new Rejected("rjct.search_criteria.invalid", "area_code: eq or in, unit codes");
                }
                if (!areas.isEmpty()) {
                    areas.retainAll(values);
                    if (areas.isEmpty()) {
                        areas.add("-"); // two area conditions that exclude each other: nothing matches
                    }
                } else {
                    areas.addAll(values);
                }
            }
            case "poverty_status" -> {
                if (!operator.equals("eq") && !operator.equals("in") || !LISTED_STATUSES.containsAll(values)) {
                    throw new Rejected("rjct.search_criteria.invalid", "poverty_status: eq or in, POOR or NEAR_POOR");
                }
                if (!statuses.isEmpty()) {
                    statuses.retainAll(values);
                    if (statuses.isEmpty()) {
                        statuses.add("-");
                    }
                } else {
                    statuses.addAll(values);
                }
            }
            case "review_year" -> {
                int year;
                try {
                    year = Integer.parseInt(values.get(0));
                } catch (NumberFormatException e) {
                    throw new Rejected("rjct.search_criteria.invalid", "review_year: a year");
                }
                if (values.size() != 1 || year < 1900 || year > 9999) {
                    throw new Rejected("rjct.search_criteria.invalid", "review_year: one year");
                }
                switch (operator) {
                    case "eq" -> {
                        years[0] = max(years[0], year);
                        years[1] = min(years[1], year);
                    }
                    case "ge" -> years[0] = max(years[0], year);
                    case "gt" -> years[0] = max(years[0], year + 1);
                    case "le" -> years[1] = min(years[1], year);
                    case "lt" -> years[1] = min(years[1], year - 1);
                    default -> throw new Rejected("rjct.search_criteria.invalid", "review_year: eq, ge, gt, le or lt");
                }
            }
            default -> throw new Rejected("rjct.search_criteria.invalid", "attribute_name: area_code, poverty_status "
                    + "or review_year");
        }
    }

    private static Integer max(Integer a, int b) {
        return a == null ? b : Math.max(a, b);
    }

    private static Integer min(Integer a, int b) {
        return a == null ? b : Math.min(a, b);
    }

    private long count(Predicate p, Reach reach) {
        return ((Number) bind(entityManager.createNativeQuery("SELECT count(*) FROM household h WHERE " + WHERE), p,
                reach).getSingleResult()).longValue();
    }

    private List<Household> households(Predicate p, Reach reach, int size, int offset) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = bind(entityManager.createNativeQuery("SELECT h.id FROM household h WHERE " + WHERE
                + " ORDER BY h.commune_code, h.id LIMIT ?6 OFFSET ?7", UUID.class), p, reach)
                .setParameter(6, size).setParameter(7, offset).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Household> byId = new HashMap<>();
        Household.<Household>list("id in ?1", ids).forEach(h -> byId.put(h.id, h));
        return ids.stream().map(byId::get).toList();
    }

    private static final String WHERE = """
            h.dissolved_on IS NULL AND h.status = ANY(CAST(?1 AS text[]))
              AND (CAST(?2 AS text[]) IS NULL OR h.commune_code = ANY(CAST(?2 AS text[]))
                   OR h.province_code = ANY(CAST(?2 AS text[])))
              AND (CAST(?3 AS text[]) IS NULL OR h.commune_code = ANY(CAST(?3 AS text[]))
                   OR h.province_code = ANY(CAST(?3 AS text[])))
              AND (CAST(?4 AS integer) IS NULL OR h.status_year >= CAST(?4 AS integer))
              AND (CAST(?5 AS integer) IS NULL OR h.status_year <= CAST(?5 AS integer))""";

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Predicate p, Reach reach) {
        return query.setParameter(1, p.statuses().toArray(String[]::new))
                .setParameter(2, reach.scope().sqlArray())
                .setParameter(3, p.areas().isEmpty() ? null : p.areas().toArray(String[]::new))
                .setParameter(4, p.yearFrom()).setParameter(5, p.yearTo());
    }

    /** The latest recognition of a household. */
    record Recognition(String status, int reviewYear, String standard, LocalDate recognizedOn, String decisionNo,
                       OffsetDateTime recordedAt) {
    }

    private Map<UUID, Recognition> latest(List<UUID> households) {
        if (households.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT DISTINCT ON (household_id) household_id, status, review_year, standard, recognized_on,
                               decision_no, recorded_at
                        FROM status_recognition WHERE household_id = ANY(CAST(?1 AS uuid[]))
                        ORDER BY household_id, recognized_on DESC, recorded_at DESC""")
                .setParameter(1, households.toArray(UUID[]::new)).getResultList();
        Map<UUID, Recognition> latest = new HashMap<>();
        for (Object[] r : rows) {
            latest.put((UUID) r[0], new Recognition((String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                    NativeValues.localDate(r[4]), (String) r[5], NativeValues.offsetDateTime(r[6])));
        }
        return latest;
    }

    private static String status(Household h, Recognition r) {
        if (h.dissolvedOn != null || r == null || !LISTED_STATUSES.contains(r.status())) {
            return "OTHER";
        }
        return r.status();
    }

    /** A household as a DCI group: identifiers, area, poverty status and standard, decision, validity. */
    private ObjectNode record(Household h, Recognition r) {
        ObjectNode record = json.createObjectNode();
        record.put("@type", "Group");
        record.put("group_type", "HOUSEHOLD");
        ArrayNode identifiers = record.putArray("identifier");
        identifiers.addObject().put("identifier_type", HOUSEHOLD_ID).put("identifier_value", h.id.toString());
        if (h.householdRef != null) {
            identifiers.addObject().put("identifier_type", HOUSEHOLD_REF)
                    .put("identifier_value", h.communeCode + "/" + h.householdRef);
        }
        record.put("area_code", h.communeCode);
        record.put("province_code", h.provinceCode);
        record.put("area_type", h.areaType);
        String status = status(h, r);
        record.put("poverty_status", status);
        if (r != null) {
            record.put("poverty_standard", r.standard());
            record.put("review_year", r.reviewYear());
            ObjectNode decision = record.putObject("decision");
            decision.put("number", r.decisionNo());
            decision.put("date", r.recognizedOn().toString());
            if (LISTED_STATUSES.contains(status)) {
                record.put("valid_until", LocalDate.of(r.reviewYear() + 1, 12, 31).toString());
            }
        }
        record.put("member_count", h.memberCount);
        record.put("last_updated", h.updatedAt == null ? null : DciEnvelopes.ts(h.updatedAt));
        return record;
    }

    private ObjectNode pagination(int size, int page, long total) {
        ObjectNode pagination = json.createObjectNode();
        pagination.put("page_size", size);
        pagination.put("page_number", page);
        pagination.put("total_count", total);
        return pagination;
    }

    private static String kind(String type) {
        return switch (type) {
            case CITIZEN_ID -> "CITIZEN_ID";
            case HOUSEHOLD_REF -> "HOUSEHOLD_REF";
            default -> "HOUSEHOLD_ID";
        };
    }

    /** The purpose a search names: authorize.purpose.code, else consent.purpose.code. */
    static String purpose(JsonNode criteria) {
        for (String holder : List.of("authorize", "consent")) {
            JsonNode code = criteria.path(holder).path("purpose").path("code");
            if (code.isTextual() && !code.asText().isBlank()) {
                return code.asText().strip();
            }
        }
        return null;
    }

    static boolean timestamp(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.asText());
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
