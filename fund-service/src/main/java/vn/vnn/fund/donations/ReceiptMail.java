package vn.vnn.fund.donations;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.PersonalData;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends a donor their signed receipt or their annual statement by e-mail (SMTP, Quarkus Mailer): to the address the
 * officer gives or, without one, the donor's recorded address. Each sending is audited with the address masked; the
 * address is never logged.
 */
@ApplicationScoped
public class ReceiptMail {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Mailer mailer;
    private final AuditLog audit;

    ReceiptMail(Mailer mailer, AuditLog audit) {
        this.mailer = mailer;
        this.audit = audit;
    }

    /** What was sent, and to whom (masked). */
    public record Sent(String to) {
    }

    /** The address to write to: the one given, else the donor's; 422 when neither is an address. */
    public static String recipient(String given, String donors) {
        String to = given != null && !given.isBlank() ? given.strip() : donors;
        if (to == null || !ADDRESS.matcher(to).matches() || to.length() > 200) {
            throw ProblemException.invalid("to", given == null || given.isBlank()
                    ? "the donor has no e-mail address on record: give one" : "is not an e-mail address");
        }
        return to;
    }

    public Sent send(String to, String subject, String text, String fileName, byte[] pdf, String auditKind,
                     UUID auditId, String actor) {
        try {
            mailer.send(Mail.withText(to, subject, text).addAttachment(fileName, pdf, "application/pdf"));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The mail server could not be reached; "
                    + "try again later");
        }
        String masked = PersonalData.maskEmail(to);
        // recorded once sent; no transaction is held open while the mail server answers
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                audit.record(auditKind, auditId, "EMAILED", actor, fileName + " to " + masked));
        return new Sent(masked);
    }
}
