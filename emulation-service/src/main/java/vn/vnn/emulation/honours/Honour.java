package vn.vnn.emulation.honours;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A decided award on the public honours board (bảng vàng). */
@Schema(name = "Honour", description = "A decided award on the public honours board")
public record Honour(UUID awardId, String participantName, String participantKind, String awardForm,
                     String awardName, String decisionNo, LocalDate decidedOn, String authorityName,
                     UUID movementId, String movementName, String areaCode) {
}
