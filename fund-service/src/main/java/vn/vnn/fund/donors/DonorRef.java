package vn.vnn.fund.donors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Email;

@Schema(description = "The donor. An organisation is found by its tax code, else by its name "
        + "(compared in Unicode NFC, case-insensitively); an individual by citizen ID, else phone, else e-mail, "
        + "never by name alone (without any of them each donation makes a new donor: name a known one by donorId). "
        + "Created when new; contact data of a known donor change through PUT /api/v1/donors/{id}.")
public record DonorRef(
        @NotBlank @Size(max = 300) String name,
        @NotNull DonorType type,
        @Schema(description = "For an ORGANISATION (default OTHER)") OrganisationKind organisationKind,
        @Schema(description = "Kiều bào or a donor abroad") Boolean overseas,
        @Schema(description = "ISO country code of an overseas donor", examples = "JP")
        @Pattern(regexp = "[A-Z]{2}") String country,
        @Schema(description = "Mã số thuế; required for a domestic ENTERPRISE", examples = "0100109106")
        @Pattern(regexp = "[0-9]{10}(-[0-9]{3})?", message = "must be 10 digits, or 13 as 0123456789-001")
        String taxCode,
        @Pattern(regexp = "\\+?[0-9 ]{8,15}") String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 300) String address,
        @Schema(description = "Số định danh cá nhân (CCCD) of an INDIVIDUAL; personal data, masked except for "
                + "fund officers") @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String citizenId) {

    /** The short form: a name and a type, nothing else known. */
    public DonorRef(String name, DonorType type) {
        this(name, type, null, null, null, null, null, null, null, null);
    }
}
