package vn.vnn.fund.banking;

import vn.vnn.fund.funds.BankAccount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A fund's bank account with its static VietQR payload. */
public record BankAccountView(UUID id, String bankBin, String accountNumber, String accountName, boolean active,
                              @Schema(description = "The static VietQR payload (the payer types amount and message)")
                              String qrPayload,
                              @Schema(description = "Where the QR code is drawn as PNG (public)") String qrPng,
                              OffsetDateTime createdAt) {

    static BankAccountView of(BankAccount account, String fundCode) {
        return new BankAccountView(account.id, account.bankBin, account.accountNumber, account.accountName,
                account.active, VietQr.staticPayload(account),
                "/api/v1/public/funds/" + fundCode + "/bank-accounts/" + account.id + "/qr.png", account.createdAt);
    }
}
