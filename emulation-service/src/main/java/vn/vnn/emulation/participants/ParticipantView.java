package vn.vnn.emulation.participants;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Participant")
public record ParticipantView(UUID id, String kind, String name, String areaCode, String source) {

    public static ParticipantView of(Participant p) {
        return new ParticipantView(p.id, p.kind, p.name, p.areaCode, p.source);
    }
}
