package vn.vnn.household.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.vnn.household.domain.AdminUnit;

import java.time.LocalDate;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaView(String code, String name, String level, String parentCode, String areaType,
                       LocalDate validFrom, LocalDate validTo, boolean demo, List<String> successorCodes,
                       List<String> predecessorCodes, List<AreaView> children) {

    public static AreaView of(AdminUnit unit) {
        return new AreaView(unit.code, unit.name, unit.level.name(), unit.parentCode, unit.areaType.name(),
                unit.validFrom, unit.validTo, unit.demo, null, null, null);
    }

    public AreaView withChildren(List<AreaView> nodes) {
        return new AreaView(code, name, level, parentCode, areaType, validFrom, validTo, demo, successorCodes,
                predecessorCodes, nodes);
    }

    public AreaView withLinks(List<String> successors, List<String> predecessors) {
        return new AreaView(code, name, level, parentCode, areaType, validFrom, validTo, demo, successors,
                predecessors, children);
    }
}
