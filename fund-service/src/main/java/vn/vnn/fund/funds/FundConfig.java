package vn.vnn.fund.funds;

import io.smallrye.config.ConfigMapping;


import java.util.Map;
import java.util.Optional;

/**
 * Provincial spending rules. Caps per support category in whole đồng: {@code vnn.fund.caps.default.<CATEGORY>} for
 * every fund, {@code vnn.fund.caps."<area code>".<CATEGORY>} to override them for a province's (or commune's) fund.
 */
@ConfigMapping(prefix = "vnn.fund")
public interface FundConfig {

    Map<String, Map<String, Long>> caps();

    /**
     * What one household may receive per category across all funds ({@code vnn.fund.household-caps.<CATEGORY>}):
     * over its whole life for a Great Solidarity house, in a calendar year for the others; absent means no limit.
     */
    Map<String, Long> householdCaps();

    /** The cap for a category in a fund's area; the default cap when the area sets none. */
    default Optional<Long> cap(String areaCode, String category) {
        Map<String, Long> own = caps().get(areaCode);
        if (own != null && own.containsKey(category)) {
            return Optional.of(own.get(category));
        }
        return Optional.ofNullable(caps().getOrDefault("default", Map.of()).get(category));
    }

}
