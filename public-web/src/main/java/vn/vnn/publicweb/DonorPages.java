package vn.vnn.publicweb;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The donors' pages (trang nhà hảo tâm), in Vietnamese, server-rendered without JavaScript: the funds, a fund's
 * accounts and running campaigns with their QR codes and a form to give, "did my gift arrive?", a receipt's
 * verification (where a receipt's QR code leads), and the honours board with the open announcements and their
 * comment form. Everything they show comes from the services' public APIs.
 */
@Path("/donors")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DonorPages {

    private static final Logger LOG = Logger.getLogger(DonorPages.class);
    /** How many days either side of the given day the search looks for a gift. */
    static final int SEARCH_DAYS = 3;

    private final PublicApis.Fund fund;
    private final PublicApis.Emulation emulation;

    @Location("index.html")
    Template index;
    @Location("fund.html")
    Template fundPage;
    @Location("intent.html")
    Template intentPage;
    @Location("search.html")
    Template search;
    @Location("receipt.html")
    Template receipt;
    @Location("honours.html")
    Template honours;
    @Location("problem.html")
    Template problem;

    DonorPages(@RestClient PublicApis.Fund fund, @RestClient PublicApis.Emulation emulation) {
        this.fund = fund;
        this.emulation = emulation;
    }

    @GET
    public Object funds() {
        return page(() -> index.data("funds", fund.funds()));
    }

    @GET
    @Path("funds/{code}")
    public Object fund(@PathParam("code") String code) {
        return page(() -> fundPage.data("fund", named(code)).data("accounts", fund.accounts(code))
                .data("campaigns", fund.campaigns(code)).data("error", null));
    }

    /** The give form: an intent is asked for, then the page of its QR code is shown (post, redirect, get). */
    @POST
    @Path("funds/{code}/give")
    public Object give(@PathParam("code") String code, @FormParam("bankAccountId") String account,
                       @FormParam("campaignId") String campaign, @FormParam("amountVnd") String amount) {
        Long amountVnd;
        try {
            amountVnd = amount == null || amount.isBlank() ? null : Long.valueOf(amount.replace(".", "")
                    .replace(",", "").replace(" ", "").strip());
        } catch (NumberFormatException e) {
            return page(() -> fundPage.data("fund", named(code)).data("accounts", fund.accounts(code))
                    .data("campaigns", fund.campaigns(code)).data("error", "Số tiền chỉ gồm chữ số, ví dụ 200000."));
        }
        try {
            PublicApis.Intent intent = fund.intend(code, new PublicApis.IntentRequest(uuid(account), uuid(campaign),
                    amountVnd));
            return Response.seeOther(URI.create("/donors/funds/" + encode(code) + "/give/"
                    + encode(intent.referenceCode()))).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 422 || e.getResponse().getStatus() == 409) {
                return page(() -> fundPage.data("fund", named(code)).data("accounts", fund.accounts(code))
                        .data("campaigns", fund.campaigns(code))
                        .data("error", "Không tạo được mã ủng hộ: kiểm tra số tiền (từ 1 đồng) và chiến dịch."));
            }
            return failure(e);
        }
    }

    @GET
    @Path("funds/{code}/give/{reference}")
    public Object intent(@PathParam("code") String code, @PathParam("reference") String reference) {
        return page(() -> intentPage.data("fund", named(code)).data("intent", fund.intent(code, reference)));
    }

    /** "Did my gift arrive?": the fund's statement around the day given, by bank reference and, if given, amount. */
    @GET
    @Path("funds/{code}/search")
    public Object search(@PathParam("code") String code, @QueryParam("bankReference") String bankReference,
                         @QueryParam("amountVnd") String amount, @QueryParam("day") String day) {
        return page(() -> {
            PublicApis.FundSummary named = named(code);
            String reference = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
            LocalDate on;
            Long amountVnd;
            try {
                on = day == null || day.isBlank() ? null : LocalDate.parse(day.strip());
                amountVnd = amount == null || amount.isBlank() ? null : Long.valueOf(amount.replace(".", "")
                        .strip());
            } catch (DateTimeParseException | NumberFormatException e) {
                return search.data("fund", named).data("asked", false).data("found", List.of())
                        .data("error", "Ngày theo dạng năm-tháng-ngày, số tiền chỉ gồm chữ số.")
                        .data("bankReference", reference).data("amountVnd", amount).data("day", day);
            }
            boolean asked = reference != null && on != null;
            List<PublicApis.Receipt> found = asked ? fund.statement(code, on.minusDays(SEARCH_DAYS),
                    on.plusDays(SEARCH_DAYS), reference, amountVnd, 100).receipts() : List.of();
            return search.data("fund", named).data("asked", asked).data("found", found)
                    .data("error", reference == null && day != null ? "Nhập mã giao dịch ngân hàng." : null)
                    .data("bankReference", reference).data("amountVnd", amount).data("day", day);
        });
    }

    /** Where a receipt's QR code leads: its number and code, checked by fund-service. */
    @GET
    @Path("receipt")
    public Object receipt(@QueryParam("no") String number, @QueryParam("code") String code) {
        if (number == null || number.isBlank() || code == null || code.isBlank()) {
            return receipt.data("verification", null).data("asked", false).data("no", number).data("code", code);
        }
        try {
            return receipt.data("verification", fund.verify(number.strip().replace('/', '-'), code.strip()))
                    .data("asked", true).data("no", number).data("code", code);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 400
                    || e.getResponse().getStatus() == 422) {
                return Response.status(404).entity(receipt.data("verification", null).data("asked", true)
                        .data("no", number).data("code", code)).build();
            }
            return failure(e);
        }
    }

    @GET
    @Path("honours")
    public Object honours(@QueryParam("sent") String sent) {
        return page(() -> honours.data("honours", emulation.honours(50).items())
                .data("announcements", emulation.announcements(50).items()).data("sent", sent != null)
                .data("error", null));
    }

    @POST
    @Path("honours/announcements/{id}/comments")
    public Object comment(@PathParam("id") String id, @FormParam("authorName") String authorName,
                          @FormParam("contact") String contact, @FormParam("text") String text) {
        UUID nomination = uuid(id);
        if (nomination == null) {
            return Response.status(404).entity(problem.data("status", 404)).build();
        }
        try (Response ignored = emulation.comment(nomination, new PublicApis.Comment(blank(authorName),
                blank(contact), text == null ? "" : text))) {
            return Response.seeOther(URI.create("/donors/honours?sent=1")).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String why = switch (status) {
                case 422, 400 -> "Ý kiến cần từ 2 đến 4.000 ký tự.";
                case 409 -> "Thời gian lấy ý kiến đã kết thúc.";
                case 429 -> "Bạn đã gửi nhiều ý kiến; vui lòng thử lại sau.";
                default -> null;
            };
            if (why == null) {
                return failure(e);
            }
            return page(() -> honours.data("honours", emulation.honours(50).items())
                    .data("announcements", emulation.announcements(50).items()).data("sent", false)
                    .data("error", why));
        }
    }

    private PublicApis.FundSummary named(String code) {
        return fund.funds().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new WebApplicationException(404));
    }

    /** A page, or the problem page when a service says no or cannot be reached. */
    private Object page(Supplier<TemplateInstance> render) {
        try {
            return render.get();
        } catch (WebApplicationException e) {
            return failure(e);
        } catch (jakarta.ws.rs.ProcessingException e) {
            LOG.warnf("A service could not be reached: %s", e.getClass().getSimpleName());
            return Response.status(503).header("Retry-After", "10").entity(problem.data("status", 503)).build();
        }
    }

    private Response failure(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        int shown = status == 404 ? 404 : status == 429 ? 429 : status >= 500 ? 503 : 400;
        return Response.status(shown).entity(problem.data("status", shown)).build();
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
