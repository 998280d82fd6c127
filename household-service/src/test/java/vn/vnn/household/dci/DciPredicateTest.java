package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The predicates a DCI search or subscription may use (docs/dci-profile.md). */
class DciPredicateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DciSearch.Predicate parse(String json) throws Exception {
        return DciSearch.predicate(JSON.readTree(json));
    }

    @Test
    void areaStatusAndYearCombineWithAnd() throws Exception {
        DciSearch.Predicate p = parse("""
                [{"seq_num": 1, "expression1": {"attribute_name": "area_code", "operator": "in", "attribute_value": ["99111", "99112"]}},
                 {"seq_num": 2, "expression1": {"attribute_name": "poverty_status", "operator": "eq", "attribute_value": "NEAR_POOR"},
                  "condition": "and",
                  "expression2": {"attribute_name": "review_year", "operator": "ge", "attribute_value": "2024"}},
                 {"seq_num": 3, "expression1": {"attribute_name": "review_year", "operator": "lt", "attribute_value": 2026}}]""");
        assertThat(p.areas()).containsExactly("99111", "99112");
        assertThat(p.statuses()).containsExactly("NEAR_POOR");
        assertThat(p.yearFrom()).isEqualTo(2024);
        assertThat(p.yearTo()).isEqualTo(2025);
    }

    @Test
    void withoutAStatusOnlyPoorAndNearPoorAreListed() throws Exception {
        assertThat(parse("[{\"expression1\": {\"attribute_name\": \"area_code\", \"operator\": \"eq\", "
                + "\"attribute_value\": \"99\"}}]").statuses()).containsExactlyInAnyOrder("POOR", "NEAR_POOR");
        // two area conditions that exclude each other match nothing, rather than everything
        assertThat(parse("""
                [{"expression1": {"attribute_name": "area_code", "operator": "eq", "attribute_value": "99111"}},
                 {"expression1": {"attribute_name": "area_code", "operator": "eq", "attribute_value": "99112"}}]""")
                .areas()).containsExactly("-");
    }

    @Test
    void anythingElseIsRefusedAsAnInvalidCriterion() {
        for (String bad : new String[]{"{}", "[]",
                "[{\"expression1\": {\"attribute_name\": \"citizen_name\", \"operator\": \"eq\", \"attribute_value\": \"x\"}}]",
                "[{\"expression1\": {\"attribute_name\": \"poverty_status\", \"operator\": \"eq\", \"attribute_value\": \"RICH\"}}]",
                "[{\"expression1\": {\"attribute_name\": \"area_code\", \"operator\": \"gt\", \"attribute_value\": \"99\"}}]",
                "[{\"expression1\": {\"attribute_name\": \"area_code\", \"operator\": \"eq\", \"attribute_value\": \"'; drop\"}}]",
                "[{\"expression1\": {\"attribute_name\": \"review_year\", \"operator\": \"eq\", \"attribute_value\": \"20x5\"}}]",
                "[{\"expression1\": {\"attribute_name\": \"area_code\", \"operator\": \"eq\", \"attribute_value\": \"99\"},"
                        + " \"condition\": \"or\", \"expression2\": {\"attribute_name\": \"area_code\", \"operator\": \"eq\","
                        + " \"attribute_value\": \"01\"}}]"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOfSatisfying(DciSearch.Rejected.class,
                    e -> assertThat(e.code).isEqualTo("rjct.search_criteria.invalid"));
        }
    }
}
