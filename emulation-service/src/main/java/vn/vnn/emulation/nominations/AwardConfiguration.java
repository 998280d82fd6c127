package vn.vnn.emulation.nominations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.time.VietnamClock;

import java.util.List;

/**
 * The dated values award money is computed from: each form's multiple and the base salary. A new decree is a new row
 * from its date (no migration, no change to decisions already taken); a value, once set for a date, is never edited.
 */
@ApplicationScoped
public class AwardConfiguration {

    /** A form with its multiples over time. */
    public record FormRates(AwardForm form, List<AwardFormRate> rates) {
    }

    private final Caller caller;
    private final AuditLog audit;
    private final VietnamClock clock;

    AwardConfiguration(Caller caller, AuditLog audit, VietnamClock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<FormRates> forms() {
        return AwardForm.<AwardForm>list("order by level, code").stream()
                .map(form -> new FormRates(form, AwardFormRate.of(form.code))).toList();
    }

    @Transactional
    public FormRates addRate(String code, AwardConfigurationCommands.NewRate request) {
        AwardForm form = AwardForm.findById(code);
        if (form == null) {
            throw ProblemException.notFound("Award form", code);
        }
        if (AwardFormRate.findById(new AwardFormRate.Key(code, request.validFrom())) != null) {
            throw ProblemException.conflict("Form " + code + " already has a multiple from " + request.validFrom()
                    + "; a value is never edited, add one from another date");
        }
        AwardFormRate rate = new AwardFormRate();
        rate.formCode = code;
        rate.validFrom = request.validFrom();
        rate.multiple = request.multiple();
        rate.legalBasis = request.legalBasis().strip();
        rate.createdBy = caller.actor();
        rate.createdAt = clock.now();
        rate.persist();
        audit.record("AWARD_FORM", null, "RATE_ADDED", caller.actor(), code + " from " + rate.validFrom + ": "
                + rate.multiple.toPlainString() + " × base salary (" + rate.legalBasis + ")");
        return new FormRates(form, AwardFormRate.of(code));
    }

    @Transactional
    public List<BaseSalary> baseSalaries() {
        return BaseSalary.list("order by validFrom");
    }

    @Transactional
    public BaseSalary addBaseSalary(AwardConfigurationCommands.NewBaseSalary request) {
        if (BaseSalary.findById(request.validFrom()) != null) {
            throw ProblemException.conflict("A base salary from " + request.validFrom() + " exists; a value is never "
                    + "edited, add one from another date");
        }
        BaseSalary salary = new BaseSalary();
        salary.validFrom = request.validFrom();
        salary.amountVnd = request.amountVnd();
        salary.legalBasis = request.legalBasis().strip();
        salary.createdBy = caller.actor();
        salary.createdAt = clock.now();
        salary.persist();
        audit.record("BASE_SALARY", null, "ADDED", caller.actor(), salary.amountVnd + " đồng from "
                + salary.validFrom + " (" + salary.legalBasis + ")");
        return salary;
    }
}
