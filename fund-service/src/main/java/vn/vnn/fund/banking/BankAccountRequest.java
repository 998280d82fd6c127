package vn.vnn.fund.banking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bank account to add to a fund. */
public record BankAccountRequest(
        @Schema(description = "The bank's six-digit BIN as NAPAS lists it (e.g. 970436 Vietcombank)",
                example = "970436")
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be six digits") String bankBin,
        @Schema(description = "Account number: 1–19 letters or digits", example = "0011001932418")
        @NotBlank @Pattern(regexp = "[0-9A-Za-z]{1,19}", message = "must be 1–19 letters or digits")
        String accountNumber,
        @Schema(description = "The holder's name as the bank shows it", example = "QUY VI NGUOI NGHEO TINH Q99")
        @NotBlank @Size(max = 200) String accountName) {

    BankAccounts.NewAccount command() {
        return new BankAccounts.NewAccount(bankBin, accountNumber, accountName);
    }
}
