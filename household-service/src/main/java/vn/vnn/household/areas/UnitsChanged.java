package vn.vnn.household.areas;

import java.time.OffsetDateTime;

/**
 * Units began or ended on other days than before (a unit list was imported): fired in the importing transaction, so
 * that what depends on which units are in force on a day (the statistics' tallies) knows to count again.
 */
public record UnitsChanged(OffsetDateTime at) {
}
