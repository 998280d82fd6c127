package vn.vnn.household.areas;

import java.time.LocalDate;
import java.util.List;

/** One line of a unit list: {@code code,name,level,parentCode,type,validFrom,validTo,successorCodes}. */
public record UnitRow(int line, String code, String name, AdminLevel level, String parentCode, AreaType type,
                      LocalDate validFrom, LocalDate validTo, List<String> successorCodes) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
