package vn.vnn.fund.donations;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.problem.ProblemException;

/** Anyone holding a receipt checks it (xác minh biên lai), with the code printed on it. */
@Path("/api/v1/public/receipts")
@Tag(name = "Receipt verification", description = "Xác minh biên lai ủng hộ (không cần đăng nhập)")
public class ReceiptVerificationResource {

    private final DonationService donations;

    ReceiptVerificationResource(DonationService donations) {
        this.donations = donations;
    }

    @GET
    @Path("{receiptNo: .+}/verification")
    @PermitAll
    @Operation(summary = "Verify a receipt by its number and the code printed on it",
            description = "Answers the receipt's fund, day, amount, status (VALID or CANCELLED) and, unless the gift "
                    + "is anonymous, the donor's name as recorded — nothing else. The number is written as printed "
                    + "(Q99/2026/000123) or with dashes (Q99-2026-000123). An unknown number and a wrong code "
                    + "answer the same 404, so that numbers cannot be walked.")
    public ReceiptVerificationView verify(@Parameter(description = "As printed, e.g. Q99/2026/000123")
                                          @PathParam("receiptNo") @Size(max = 60) String receiptNo,
                                          @Parameter(description = "The code printed on the receipt", required = true)
                                          @QueryParam("code") @Size(max = 20) String code) {
        return donations.verify(printed(receiptNo), code).map(ReceiptVerificationView::of)
                .orElseThrow(() -> ProblemException.notFound("Receipt", receiptNo));
    }

    /** Q99-2026-000123 → Q99/2026/000123 (the year and the number are always the last two parts). */
    static String printed(String receiptNo) {
        String number = receiptNo.strip().toUpperCase(java.util.Locale.ROOT);
        if (number.indexOf('/') >= 0) {
            return number;
        }
        int last = number.lastIndexOf('-');
        int year = last > 0 ? number.lastIndexOf('-', last - 1) : -1;
        return year > 0 ? number.substring(0, year) + "/" + number.substring(year + 1, last) + "/"
                + number.substring(last + 1) : number;
    }
}
