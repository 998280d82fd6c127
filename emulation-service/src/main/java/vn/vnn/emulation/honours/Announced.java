package vn.vnn.emulation.honours;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A nominee posted for public comment (công khai, lấy ý kiến). */
@Schema(name = "AnnouncedNomination", description = "A nominee posted for public comment")
public record Announced(UUID nominationId, String participantName, String participantKind, String awardName,
                        String achievementSummary, String movementName, String areaCode, LocalDate announcedOn,
                        LocalDate commentsUntil) {
}
