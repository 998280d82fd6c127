package vn.vnn.fund.donors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A donor's description and contact data; give the version you read")
public record DonorUpdate(
        @NotBlank @Size(max = 300) String name,
        OrganisationKind organisationKind,
        Boolean overseas,
        @Pattern(regexp = "[A-Z]{2}") String country,
        @Pattern(regexp = "[0-9]{10}(-[0-9]{3})?", message = "must be 10 digits, or 13 as 0123456789-001")
        String taxCode,
        @Pattern(regexp = "\\+?[0-9 ]{8,15}") String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 300) String address,
        @NotNull Long version,
        @Schema(description = "Số định danh cá nhân of an individual") @Pattern(regexp = "[0-9]{12}",
                message = "must be 12 digits") String citizenId) {
}
