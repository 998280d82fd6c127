package vn.vnn.household.areas;

import java.util.List;

/**
 * A unit in force on a date with what hangs on it: the units it became or came from across a reorganisation (null
 * when not asked for) and its children in the same tree (null for a leaf of a forest).
 */
public record UnitNode(AdminUnit unit, List<String> successorCodes, List<String> predecessorCodes,
                       List<UnitNode> children) {
}
