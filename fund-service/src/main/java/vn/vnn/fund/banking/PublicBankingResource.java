package vn.vnn.fund.banking;

import vn.vnn.fund.donations.QrImage;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** How to give by bank transfer, without logging in: a fund's accounts and QR codes, and intents with a reference. */
@Path("/api/v1/public/funds/{code}")
@Tag(name = "Give by VietQR", description = "Ủng hộ qua chuyển khoản VietQR (không cần đăng nhập)")
public class PublicBankingResource {

    private static final String PNG = "image/png";
    private final BankAccounts accounts;

    PublicBankingResource(BankAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("bank-accounts")
    @PermitAll
    @Operation(summary = "A fund's active bank accounts with their static VietQR payloads")
    public List<BankAccountView> accounts(@PathParam("code") String code) {
        return accounts.publicAccounts(code).stream().map(a -> BankAccountView.of(a, code)).toList();
    }

    @GET
    @Path("bank-accounts/{id}/qr.png")
    @PermitAll
    @Produces(PNG)
    @Operation(summary = "An account's static VietQR code as PNG")
    public Response accountQr(@PathParam("code") String code, @PathParam("id") UUID id) {
        return png(VietQr.staticPayload(accounts.publicAccount(code, id)));
    }

    @POST
    @Path("donation-intents")
    @PermitAll
    @Operation(summary = "Intend to give: a reference code and a dynamic VietQR code whose transfer message carries "
            + "it, for a campaign or a pledge of the fund, with or without an amount",
            description = "The reference lets the fund match the bank's credit to what it was meant for. No personal "
                    + "data is asked or kept.")
    public Response intend(@PathParam("code") String code, @Valid DonationIntentRequest request) {
        DonationIntentRequest body = request == null ? new DonationIntentRequest(null, null, null, null) : request;
        DonationIntentView view = DonationIntentView.of(accounts.intend(code, body.command()));
        return Response.created(URI.create("/api/v1/public/funds/" + code + "/donation-intents/"
                + view.referenceCode())).entity(view).build();
    }

    @GET
    @Path("donation-intents/{reference}")
    @PermitAll
    @Operation(summary = "An intent by its reference code (case and look-alike letters forgiven)")
    public DonationIntentView intent(@PathParam("code") String code, @PathParam("reference") String reference) {
        return DonationIntentView.of(accounts.intent(code, reference));
    }

    @GET
    @Path("donation-intents/{reference}/qr.png")
    @PermitAll
    @Produces(PNG)
    @Operation(summary = "An intent's dynamic VietQR code as PNG")
    public Response intentQr(@PathParam("code") String code, @PathParam("reference") String reference) {
        BankAccounts.Intent intent = accounts.intent(code, reference);
        return png(intent.intent().payload(intent.account()));
    }

    private static Response png(String payload) {
        return Response.ok(QrImage.png(payload), PNG).header("Cache-Control", "public, max-age=3600").build();
    }
}
