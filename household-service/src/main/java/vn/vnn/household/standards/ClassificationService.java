package vn.vnn.household.standards;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The public classification: a standard chosen by date, then the rule of {@link PovertyClassifier}. */
@ApplicationScoped
public class ClassificationService {

    private final PovertyStandardService standards;

    ClassificationService(PovertyStandardService standards) {
        this.standards = standards;
    }

    @Transactional
    public Classification classify(ClassificationInput request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean hasIncome = request.monthlyIncomePerCapitaVnd() != null;
        boolean hasScore = request.incomeScore() != null;
        if (hasIncome == hasScore) {
            String message = hasIncome ? "give either the income or the score, not both"
                    : "give the income or the score";
            errors.add(new Problem.FieldError("monthlyIncomePerCapitaVnd", message));
            errors.add(new Problem.FieldError("incomeScore", message));
        }
        StandardRules rules = standards.rulesOn(request.assessmentDate()).orElse(null);
        if (rules == null) {
            errors.add(new Problem.FieldError("assessmentDate",
                    "no poverty standard applies on " + request.assessmentDate()));
        }
        Set<Indicator> deprivations = EnumSet.noneOf(Indicator.class);
        List<String> codes = request.deprivations() == null ? List.of() : request.deprivations();
        for (int i = 0; i < codes.size(); i++) {
            String field = "deprivations[" + i + "]";
            Indicator indicator = parse(codes.get(i));
            if (indicator == null) {
                errors.add(new Problem.FieldError(field, "unknown indicator " + codes.get(i)));
            } else if (!deprivations.add(indicator)) {
                errors.add(new Problem.FieldError(field, "indicator " + indicator + " is repeated"));
            } else if (rules != null && !rules.indicators().contains(indicator)) {
                errors.add(new Problem.FieldError(field, rules.code() + " has no indicator " + indicator));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The request is not valid", errors);
        }
        PovertyClassifier.Means means = hasIncome
                ? new PovertyClassifier.Income(request.monthlyIncomePerCapitaVnd())
                : new PovertyClassifier.Score(request.incomeScore());
        try {
            PovertyClassifier.Result result = PovertyClassifier.classify(rules, request.areaType(), means,
                    deprivations);
            return new Classification(result.standard(), result.classification().name(), result.incomeLineVnd(),
                    result.deprivationCount(), result.deprivationScore());
        } catch (PovertyClassifier.NotApplicable e) {
            throw ProblemException.invalid(e.field(), e.getMessage());
        }
    }

    private static Indicator parse(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Indicator.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
