package vn.vnn.emulation.movements;

import java.util.List;

/** A movement with its criteria and how many participants take part in it. */
public record MovementRecord(Movement movement, List<Criterion> criteria, long participants) {
}
