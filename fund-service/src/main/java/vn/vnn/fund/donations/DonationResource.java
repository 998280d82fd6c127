package vn.vnn.fund.donations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.idempotency.IdempotentRequests;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/donations")
@Tag(name = "Donations", description = "Tiền và hiện vật ủng hộ Quỹ \"Vì người nghèo\"")
public class DonationResource {

    private final DonationService donations;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final ReceiptSigner signer;
    private final ReceiptMail mail;
    private final String verificationUrl;

    DonationResource(DonationService donations, IdempotentRequests idempotency, Caller caller, ReceiptSigner signer,
                     ReceiptMail mail,
                     @org.eclipse.microprofile.config.inject.ConfigProperty(name = "vnn.receipts.verification-url")
                     String verificationUrl) {
        this.mail = mail;
        this.donations = donations;
        this.idempotency = idempotency;
        this.caller = caller;
        this.signer = signer;
        this.verificationUrl = verificationUrl;
    }

    @POST
    @Path("{id}/receipt-email")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "E-mail the donor their signed receipt (to the address given, else the donor's own)",
            description = "422 when the donor has no address and none is given; 503 when the mail server cannot "
                    + "be reached. The sending is audited, the address masked.")
    public ReceiptMail.Sent emailReceipt(@PathParam("id") UUID id, @Valid ReceiptEmailRequest request) {
        RecordedDonation recorded = donations.get(id);
        DonationView donation = DonationView.of(recorded);
        String to = ReceiptMail.recipient(request == null ? null : request.to(), recorded.donation().donor.email);
        byte[] pdf = signer.sign(ReceiptPdf.render(donation, donations.fundName(donation.fundId()),
                verificationLink(donation), false), "Biên lai " + donation.receiptNo());
        return mail.send(to, "Biên lai ủng hộ " + donation.receiptNo() + " – Quỹ \"Vì người nghèo\"",
                "Kính gửi " + donation.donorName() + ",\n\nQuỹ \"Vì người nghèo\" trân trọng cảm ơn khoản ủng hộ "
                        + VietnameseAmount.inFigures(donation.amountVnd()) + " ngày "
                        + donation.receivedOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + ". Biên lai số " + donation.receiptNo() + " đính kèm, có chữ ký số; xác minh tại "
                        + verificationLink(donation) + "\n\nTrân trọng.",
                "bien-lai-" + donation.receiptNo().replace('/', '-') + ".pdf", pdf, "DONATION", id,
                caller.actor());
    }

    /** The public verification of a receipt, as its QR code links it ([receiptNo] and [code] filled in). */
    private String verificationLink(DonationView donation) {
        return verificationUrl.replace("[receiptNo]", donation.receiptNo())
                .replace("[code]", donation.verificationCode() == null ? "" : donation.verificationCode());
    }

    @POST
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record a donation", description = "Requires an Idempotency-Key: a retry with the same key "
            + "and body returns the first response and records nothing more.")
    public Response record(
            @Parameter(description = "Unique per donation, e.g. a UUID; same key + same body = same result",
                    required = true) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull DonationEntry request, @Context UriInfo uriInfo) {
        String actor = caller.actor();
        return idempotency.execute(idempotencyKey, "POST /api/v1/donations|" + actor, request, () -> {
            DonationView donation = DonationView.of(donations.record(request, actor));
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/donations")
                    .path(donation.id().toString()).build()).entity(donation).build();
        });
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Cancel a donation (e.g. a returned transfer)",
            description = "The donation keeps its receipt number and stays listed as CANCELLED; a reversal in the "
                    + "ledger takes the amount back out, refused (409) when the money has already been spent.")
    public DonationView cancel(@PathParam("id") UUID id, @Valid @NotNull Cancellation request) {
        return DonationView.of(donations.cancel(id, request.version(), request.reason(), caller.actor()));
    }

    @GET
    @Path("{id}/receipt.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The donation's receipt (biên lai) as PDF, digitally signed (PAdES): Vietnamese, amount in "
            + "figures and in words, a QR code and the code that verify it publicly",
            description = "copy=true reissues it marked BẢN SAO (a copy), with the same number.")
    public Response receipt(@PathParam("id") UUID id, @QueryParam("copy") boolean copy) {
        DonationView donation = DonationView.of(donations.get(id));
        byte[] pdf = signer.sign(ReceiptPdf.render(donation, donations.fundName(donation.fundId()),
                verificationLink(donation), copy), "Biên lai " + donation.receiptNo() + (copy ? " (bản sao)" : ""));
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"bien-lai-"
                + donation.receiptNo().replace('/', '-') + ".pdf\"").build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One donation")
    public DonationView get(@PathParam("id") UUID id) {
        return DonationView.of(donations.get(id));
    }

    @GET
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Donations, newest first")
    public Response list(@BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, donations.list(page).map(DonationView::of));
    }
}
