package vn.vnn.emulation.nominations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.text.Names;
import vn.vnn.kit.time.VietnamClock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Comments from the public on an announced nominee (lấy ý kiến nhân dân), while the period is open; the office and
 * the chairmen read them, and the office may hide one (kept in the record). A commenter's contact, theirs to give,
 * is shown in full to the emulation office only.
 */
@ApplicationScoped
public class CommentService {

    /** Limits on public comments (README): per sender address and per nominee; repeats are not stored twice. */
    static final int PER_SENDER_PER_10_MINUTES = 5;
    static final int PER_SENDER_PER_DAY = 30;
    static final int PER_NOMINEE_PER_HOUR = 300;

    /** What became of a comment: stored, or the same text already received for this nominee (not stored again). */
    public record Received(UUID id, boolean duplicate) {
    }

    /** A page of comments and whether the reader is the emulation office (who sees contacts in full). */
    public record Comments(Page<NominationComments.Comment> page, boolean office) {
    }

    /** Key of the sender hashes: without it the hash of an IPv4 address could be reversed by trying them all. */
    @ConfigProperty(name = "vnn.comments.sender-secret", defaultValue = "change-me")
    String senderSecret;

    private final NominationComments comments;
    private final NominationService nominations;
    private final Caller caller;
    private final AuditLog audit;
    private final VietnamClock clock;

    CommentService(NominationComments comments, NominationService nominations, Caller caller, AuditLog audit,
                   VietnamClock clock) {
        this.comments = comments;
        this.nominations = nominations;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A comment from the public; only while the nominee's period is open (404 for any other nomination). The
     * sender's address is kept only as a keyed hash, to count their comments (429 with Retry-After past the limits);
     * the same text for the same nominee within a day is the same comment.
     */
    @Transactional
    public Received comment(UUID nominationId, NominationCommands.Comment comment, String senderAddress) {
        Nomination nomination = Nomination.findById(nominationId);
        LocalDate today = clock.today();
        if (nomination == null || nomination.status != Nomination.Status.ANNOUNCED
                || nomination.announcedOn.isAfter(today)) {
            throw ProblemException.notFound("Announcement", nominationId);
        }
        if (today.isAfter(nomination.commentsUntil)) {
            throw ProblemException.conflict("Comments on this nominee closed on " + nomination.commentsUntil);
        }
        String text = Names.normalise(comment.text().replace("\r\n", "\n"));
        String textHash = sha256(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        String sender = sha256(senderSecret + "|" + (senderAddress == null ? "-" : senderAddress));
        comments.lockNominee(nominationId);
        var same = comments.sameWithinADay(nominationId, textHash);
        if (same.isPresent()) {
            return new Received(same.get(), true);
        }
        limit(comments.fromSenderWithin(sender, "10 minutes"), PER_SENDER_PER_10_MINUTES, 600,
                "At most " + PER_SENDER_PER_10_MINUTES + " comments in 10 minutes from one address");
        limit(comments.fromSenderWithin(sender, "1 day"), PER_SENDER_PER_DAY, 3600,
                "At most " + PER_SENDER_PER_DAY + " comments a day from one address");
        limit(comments.forNomineeWithin(nominationId, "1 hour"), PER_NOMINEE_PER_HOUR, 600,
                "This nominee received very many comments in the last hour; try again later");
        UUID id = Ids.newId();
        comments.add(id, nominationId, blankToNull(comment.authorName()), blankToNull(comment.contact()), text,
                sender, textHash);
        return new Received(id, false);
    }

    /** Hides a comment from those who read the comments (or shows it again); it stays in the record. */
    @Transactional
    public NominationComments.Comment moderate(UUID nominationId, UUID commentId,
                                               NominationCommands.Moderation request) {
        nominations.get(nominationId); // 404 outside the caller's scope
        if (!comments.moderate(nominationId, commentId, request.state().name(), blankToNull(request.reason()),
                caller.actor(), request.version())) {
            throw comments.exists(nominationId, commentId)
                    ? ProblemException.conflict("The comment was moderated meanwhile; reload it")
                    : ProblemException.notFound("Comment", commentId);
        }
        audit.record("NOMINATION_COMMENT", commentId, "COMMENT_" + request.state().name(), caller.actor(),
                request.reason());
        return comments.page(nominationId, 0, PageRequest.MAX_SIZE).stream()
                .filter(c -> c.id().equals(commentId)).findFirst().orElseThrow();
    }

    /** The comments on a nomination, oldest first, a page at a time, for those who may see the nomination. */
    @Transactional
    public Comments comments(UUID nominationId, PageRequest page) {
        nominations.get(nominationId); // 404 outside the caller's scope
        boolean office = isOffice();
        List<NominationComments.Comment> found = comments.page(nominationId, page.offset(), page.size());
        if (office && found.stream().anyMatch(c -> c.contact() != null)) {
            audit.personalDataRead("NOMINATION_COMMENT", found.stream().filter(c -> c.contact() != null)
                    .map(NominationComments.Comment::id).toList(), caller.actor(), "commenters' contacts");
        }
        return new Comments(Page.of(found, page, comments.count(nominationId)), office);
    }

    /** Whether the caller is the emulation office, who sees commenters' contacts in full. */
    public boolean isOffice() {
        return caller.hasRole(Roles.EMULATION_OFFICER) || caller.hasRole(Roles.ADMIN);
    }

    private static void limit(long count, int max, long retryAfterSeconds, String detail) {
        if (count >= max) {
            throw ProblemException.tooManyRequests(detail, retryAfterSeconds);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
