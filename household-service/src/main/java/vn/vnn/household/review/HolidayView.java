package vn.vnn.household.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "PublicHoliday", description = "A public holiday (ngày nghỉ lễ, Tết) as the Government announced it")
public record HolidayView(@NotNull LocalDate day, @Schema(examples = "Tết Nguyên đán") @NotBlank @Size(max = 200)
                          String name) {

    public static HolidayView of(PublicHoliday holiday) {
        return new HolidayView(holiday.day, holiday.name);
    }
}
