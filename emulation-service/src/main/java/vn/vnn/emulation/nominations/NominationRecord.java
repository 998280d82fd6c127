package vn.vnn.emulation.nominations;

import vn.vnn.emulation.movements.Attachment;

import java.util.List;

/** A nomination with its participant's name, its dossier, the council's votes so far and the public comments' number. */
public record NominationRecord(Nomination nomination, String participantName, List<Attachment> attachments,
                               List<String> votes, long comments) {
}
