package vn.vnn.fund.donations;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReceiptEmail", description = "Where to send it; the donor's recorded address when left out")
public record ReceiptEmailRequest(@Email @Size(max = 200) String to) {
}
