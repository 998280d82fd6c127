package vn.vnn.emulation.nominations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "BaseSalary", description = "The base salary (mức lương cơ sở) from a date")
public record BaseSalaryView(LocalDate validFrom, long amountVnd, String legalBasis) {

    public static BaseSalaryView of(BaseSalary s) {
        return new BaseSalaryView(s.validFrom, s.amountVnd, s.legalBasis);
    }
}
