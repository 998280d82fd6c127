package vn.vnn.household.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.List;

/** The public holidays the review's working days skip: listed by year, added and withdrawn by an admin, audited. */
@ApplicationScoped
public class PublicHolidays {

    private final Caller caller;
    private final AuditLog audit;
    private final VietnamClock clock;

    PublicHolidays(Caller caller, AuditLog audit, VietnamClock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<PublicHoliday> of(int year) {
        return PublicHoliday.list("day between ?1 and ?2 order by day", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    @Transactional
    public PublicHoliday add(LocalDate day, String name) {
        if (PublicHoliday.findById(day) != null) {
            throw ProblemException.conflict(day + " is already a public holiday");
        }
        PublicHoliday holiday = new PublicHoliday();
        holiday.day = day;
        holiday.name = name.strip();
        holiday.createdBy = caller.actor();
        holiday.createdAt = clock.now();
        holiday.persist();
        audit.record("PUBLIC_HOLIDAY", null, "ADDED", caller.actor(), day + " " + holiday.name);
        return holiday;
    }

    /** Withdraws a holiday entered by mistake; periods already computed keep their dates. */
    @Transactional
    public void remove(LocalDate day) {
        PublicHoliday holiday = PublicHoliday.findById(day);
        if (holiday == null) {
            throw ProblemException.notFound("Public holiday", day);
        }
        holiday.delete();
        audit.record("PUBLIC_HOLIDAY", null, "REMOVED", caller.actor(), day + " " + holiday.name);
    }
}
