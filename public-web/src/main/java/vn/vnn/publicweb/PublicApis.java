package vn.vnn.publicweb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The services' public APIs the donors' pages read, and what they answer (unknown fields ignored). */
public final class PublicApis {

    private PublicApis() {
    }

    @RegisterRestClient(configKey = "fund")
    @Path("/api/v1/public")
    public interface Fund {

        @GET
        @Path("funds")
        List<FundSummary> funds();

        @GET
        @Path("funds/{code}/bank-accounts")
        List<Account> accounts(@PathParam("code") String code);

        @GET
        @Path("funds/{code}/campaigns")
        List<Campaign> campaigns(@PathParam("code") String code);

        @POST
        @Path("funds/{code}/donation-intents")
        @Consumes(MediaType.APPLICATION_JSON)
        Intent intend(@PathParam("code") String code, IntentRequest request);

        @GET
        @Path("funds/{code}/donation-intents/{reference}")
        Intent intent(@PathParam("code") String code, @PathParam("reference") String reference);

        @GET
        @Path("funds/{code}/statement")
        Statement statement(@PathParam("code") String code, @QueryParam("from") LocalDate from,
                            @QueryParam("to") LocalDate to, @QueryParam("bankReference") String bankReference,
                            @QueryParam("amountVnd") Long amountVnd, @QueryParam("size") int size);

        /** The number with dashes (Q99-2026-000123): the API takes both forms, and a path keeps it whole. */
        @GET
        @Path("receipts/{receiptNo}/verification")
        Verification verify(@PathParam("receiptNo") String receiptNo, @QueryParam("code") String code);
    }

    @RegisterRestClient(configKey = "emulation")
    @Path("/api/v1/public/honours")
    public interface Emulation {

        @GET
        HonourPage honours(@QueryParam("size") int size);

        @GET
        @Path("announcements")
        AnnouncementPage announcements(@QueryParam("size") int size);

        @POST
        @Path("announcements/{id}/comments")
        @Consumes(MediaType.APPLICATION_JSON)
        Response comment(@PathParam("id") UUID id, Comment comment);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FundSummary(String code, String name, String level, String areaCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(UUID id, String bankBin, String accountNumber, String accountName, String qrPayload,
                          String qrPng) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Campaign(UUID id, String name, LocalDate startsOn, LocalDate endsOn, long targetVnd,
                           long raisedVnd, BigDecimal progressPercent, long donations) {

        /** The bar's width, 0–100. */
        public int barPercent() {
            return progressPercent == null ? 0 : Math.max(0, Math.min(100, progressPercent.intValue()));
        }
    }

    public record IntentRequest(UUID bankAccountId, UUID campaignId, Long amountVnd) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Intent(String referenceCode, String transferMessage, String fundCode, UUID campaignId,
                         Long amountVnd, String bankBin, String accountNumber, String accountName, String qrPayload,
                         String qrPng) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Statement(List<Receipt> receipts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receipt(String receiptNo, LocalDate receivedOn, String donorName, String kind, long amountVnd,
                          String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(String receiptNo, String fundCode, String fundName, LocalDate receivedOn,
                               long amountVnd, String kind, String status, String donorName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HonourPage(List<Honour> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Honour(String participantName, String awardName, String decisionNo, LocalDate decidedOn,
                         String authorityName, String movementName, String areaCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnnouncementPage(List<Announced> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Announced(UUID nominationId, String participantName, String awardName, String achievementSummary,
                            String movementName, LocalDate announcedOn, LocalDate commentsUntil) {
    }

    public record Comment(String authorName, String contact, String text) {
    }
}
