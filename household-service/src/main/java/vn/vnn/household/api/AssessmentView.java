package vn.vnn.household.api;

import vn.vnn.household.domain.DeprivationRules;

import java.time.LocalDate;
import java.util.List;

/**
 * A household assessed from its registry data on a date: each derived flag with its reason, and, when the income is
 * known, the classification under the standard of that date counting only decided flags. {@code provisional} is
 * true when the undecided flags could still change that classification.
 */
public record AssessmentView(String householdId, LocalDate assessedOn, String standard,
                             Long monthlyIncomePerCapitaVnd, List<DeprivationRules.Flag> flags,
                             List<String> undecided, ClassifyResponse classification, boolean provisional) {
}
