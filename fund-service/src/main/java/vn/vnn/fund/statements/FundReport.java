package vn.vnn.fund.statements;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "What a fund received and paid in a period, by donor type, campaign, month, support category "
        + "and commune (accepted donations and paid support only)")
public record FundReport(String fundCode, LocalDate from, LocalDate to, List<Line> receivedByDonorType,
                         List<Line> receivedByCampaign, List<Line> receivedByMonth, List<Line> supportByCategory,
                         List<Line> supportByCommune) {

    @Schema(name = "FundReportLine")
    public record Line(String key, String label, long count, long amountVnd) {
    }
}
