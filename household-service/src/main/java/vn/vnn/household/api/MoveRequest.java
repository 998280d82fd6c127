package vn.vnn.household.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;
import java.util.UUID;

/** A member moves to another household (tách hộ, nhập hộ); the old household keeps the history. */
public record MoveRequest(@NotNull UUID toHouseholdId, @NotNull @PastOrPresent LocalDate movedOn) {
}
