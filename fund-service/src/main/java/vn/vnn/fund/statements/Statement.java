package vn.vnn.fund.statements;

import vn.vnn.fund.funds.Fund;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "Public statement (sao kê) of a fund for a period: every receipt and every payment of support, "
        + "with totals taken from the ledger. Donors who asked are shown as anonymous; households never appear, only "
        + "their commune.")
public record Statement(Fund fund, LocalDate from, LocalDate to, long openingBalanceVnd, List<Receipt> receipts,
                        List<Support> support, Totals totals, long closingBalanceVnd,
                        @Schema(description = "The page of receipts and of support shown (public statement); null in "
                                + "the officers' full exports") Paging paging) {

    @Schema(name = "StatementPaging", description = "Lines are paged: this page and size apply to receipts (after "
            + "the search) and to support alike; the counts are of all lines of the period")
    public record Paging(int page, int size, long receiptCount, long supportCount) {
    }

    public record Fund(String code, String name, String level, String areaCode) {
    }

    @Schema(name = "StatementReceipt")
    public record Receipt(String receiptNo, LocalDate receivedOn, String donorName, String donorType, String kind,
                          long amountVnd, String status, LocalDate cancelledOn) {
    }

    @Schema(name = "StatementSupport")
    public record Support(LocalDate paidOn, String category, String communeCode, long amountVnd) {
    }

    @Schema(name = "StatementTotals", description = "From the ledger: received (cash and goods), reversed "
            + "(cancelled receipts), support paid")
    public record Totals(long receivedVnd, long reversedVnd, long supportPaidVnd) {
    }
}
