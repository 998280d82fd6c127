package vn.vnn.household.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;
import java.util.UUID;

/** A member moves to another household (tách hộ, nhập hộ); the old household keeps the history. */
@Schema(name = "MoveRequest")
public record MemberMove(@NotNull UUID toHouseholdId, @NotNull @PastOrPresent LocalDate movedOn) {
}
