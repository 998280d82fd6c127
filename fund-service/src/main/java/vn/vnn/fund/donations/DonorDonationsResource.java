package vn.vnn.fund.donations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

/**
 * A donor's history of donations. Shares the donors' path: JAX-RS merges the methods of root resources with the same
 * path, so the history lives with the donations it lists.
 */
@Path("/api/v1/donors")
@Tag(name = "Donors", description = "Nhà tài trợ: doanh nghiệp, cơ quan, tập thể, tổ chức tôn giáo, cá nhân, kiều bào")
public class DonorDonationsResource {

    private final DonationService donations;
    private final ReceiptSigner signer;
    private final ReceiptMail mail;
    private final vn.vnn.kit.security.Caller caller;

    DonorDonationsResource(DonationService donations, ReceiptSigner signer, ReceiptMail mail,
                           vn.vnn.kit.security.Caller caller) {
        this.donations = donations;
        this.signer = signer;
        this.mail = mail;
        this.caller = caller;
    }

    @GET
    @Path("{id}/statements/{year: [0-9]{4}}.pdf")
    @jakarta.ws.rs.Produces("application/pdf")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The donor's statement of a year (thư xác nhận ủng hộ): every accepted gift to the funds you "
            + "reach, with its receipt, and the total in figures and words; PDF, digitally signed")
    public Response yearStatement(@PathParam("id") UUID id, @PathParam("year") int year) {
        DonationService.DonorYear statement = donations.donorYear(id, year);
        return Response.ok(signed(statement), "application/pdf").header("Content-Disposition",
                "inline; filename=\"" + fileName(statement) + "\"").build();
    }

    @jakarta.ws.rs.POST
    @Path("{id}/statements/{year: [0-9]{4}}/email")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "E-mail the donor their statement of a year (to the address given, else their own)",
            description = "422 when the donor has no address and none is given; 503 when the mail server cannot "
                    + "be reached. The sending is audited, the address masked.")
    public ReceiptMail.Sent emailYearStatement(@PathParam("id") UUID id, @PathParam("year") int year,
                                               @Valid ReceiptEmailRequest request) {
        DonationService.DonorYear statement = donations.donorYear(id, year);
        String to = ReceiptMail.recipient(request == null ? null : request.to(), statement.donor().email);
        return mail.send(to, "Thư xác nhận ủng hộ năm " + year + " – Quỹ \"Vì người nghèo\"",
                "Kính gửi " + statement.donor().name + ",\n\nQuỹ \"Vì người nghèo\" gửi Quý vị thư xác nhận các "
                        + "khoản ủng hộ năm " + year + " (" + statement.gifts().size() + " khoản, "
                        + VietnameseAmount.inFigures(statement.totalVnd()) + "), đính kèm, có chữ ký số.\n\n"
                        + "Trân trọng cảm ơn tấm lòng vì người nghèo của Quý vị!",
                fileName(statement), signed(statement), "DONOR", id, caller.actor());
    }

    private byte[] signed(DonationService.DonorYear statement) {
        return signer.sign(DonorYearPdf.render(statement), "Thư xác nhận ủng hộ năm " + statement.year());
    }

    private static String fileName(DonationService.DonorYear statement) {
        return "xac-nhan-ung-ho-" + statement.year() + ".pdf";
    }

    @GET
    @Path("{id}/donations")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The donor's history: every donation, newest first, cancelled ones included")
    public Response history(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, donations.ofDonor(id, page).map(DonationView::of));
    }
}
