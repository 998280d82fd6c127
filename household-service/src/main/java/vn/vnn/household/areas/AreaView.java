package vn.vnn.household.areas;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    public static AreaView of(UnitNode node) {
        AdminUnit unit = node.unit();
        return new AreaView(unit.code, unit.name, unit.level.name(), unit.parentCode, unit.areaType.name(),
                unit.validFrom, unit.validTo, unit.demo, node.successorCodes(), node.predecessorCodes(),
                node.children() == null ? null : node.children().stream().map(AreaView::of).toList());
    }
}
