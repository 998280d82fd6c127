package vn.vnn.household.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.vnn.household.standards.Classification;

import vn.vnn.household.standards.DeprivationRules;

import java.time.LocalDate;
import java.util.List;

/**
 * A household assessed from its registry data on a date: each derived flag with its reason, and, when the income is
 * known, the classification under the standard of that date counting only decided flags. {@code provisional} is
 * true when the undecided flags could still change that classification.
 */
@Schema(name = "AssessmentView")
public record Assessment(String householdId, LocalDate assessedOn, String standard,
                             Long monthlyIncomePerCapitaVnd, List<DeprivationRules.Flag> flags,
                             List<String> undecided, Classification classification, boolean provisional) {
}
