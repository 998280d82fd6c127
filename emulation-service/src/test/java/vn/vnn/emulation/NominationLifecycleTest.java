package vn.vnn.emulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import vn.vnn.emulation.nominations.AwardForm;
import vn.vnn.emulation.nominations.AwardFormRate;
import vn.vnn.emulation.nominations.BaseSalary;
import vn.vnn.emulation.nominations.Nomination;
import vn.vnn.emulation.nominations.Nomination.Status;
import vn.vnn.emulation.nominations.Nomination.Step;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The nomination's life as its aggregate enforces it (Luật Thi đua, khen thưởng 2022; NĐ 152/2025): each step only
 * from the statuses the transition table allows, the four-eyes appraisal, the council's quorum and majority, the
 * comment period before a decision, the reward from the base salary of the decision's date, one payment.
 */
class NominationLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    @Property
    void aStepFromAStatusTheTableDoesNotAllowIsAConflictAndChangesNothing(@ForAll Status status,
                                                                          @ForAll Step step) {
        Nomination nomination = nomination();
        nomination.status = status;
        if (Nomination.TRANSITIONS.get(step).contains(status)) {
            nomination.require(step);
            return;
        }
        assertThatThrownBy(() -> nomination.require(step)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(nomination.status).isEqualTo(status);
    }

    @Test
    void theWholeLifeFromSubmissionToAPaidReward() {
        Nomination nomination = nomination();
        assertThat(nomination.appraise("office.b", true, null).step()).isEqualTo("APPRAISED");
        nomination.putToCouncil(List.of(" a ", "b", "c", "a"), 2);
        assertThat(nomination.members()).containsExactly("a", "b", "c");
        assertThat(nomination.vote("b", "YES").detail()).isEqualTo("b: YES");
        nomination.countVotes(List.of("YES", "YES", "NO"));
        assertThat(nomination.status).isEqualTo(Status.COUNCIL_APPROVED);
        nomination.announce(TODAY, null, form(null), TODAY);
        assertThat(nomination.commentsUntil).isEqualTo(TODAY.plusDays(Nomination.DEFAULT_COMMENT_DAYS - 1L));
        LocalDate after = nomination.commentsUntil.plusDays(1);
        nomination.decide(form(null), rate(), Optional.of(salary(2_340_000)), "INDIVIDUAL", " 12/QĐ-UBND ", after,
                null, "chairman", after);
        assertThat(nomination.status).isEqualTo(Status.DECIDED);
        assertThat(nomination.rewardVnd).isEqualTo(3_510_000L); // 1.5 × 2,340,000
        assertThat(nomination.decisionNo).isEqualTo("12/QĐ-UBND");
        assertThat(nomination.authorityName).isEqualTo("Ủy ban nhân dân tỉnh");
        nomination.payReward(after, "PC-01", "accountant", after);
        assertThatThrownBy(() -> nomination.payReward(after, "PC-02", "accountant", after))
                .isInstanceOf(ProblemException.class).hasMessageContaining("already paid");
        invalid(() -> nomination.revoke("false dossier", 3_510_001L), "recoveredVnd", "at most the reward paid");
        nomination.revoke("false dossier", 3_510_000L);
        assertThat(nomination.status).isEqualTo(Status.REVOKED);
    }

    @Test
    void theSubmitterNeverAppraisesTheirOwnNomination() {
        Nomination nomination = nomination();
        assertThatThrownBy(() -> nomination.appraise("officer.a", true, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(nomination.status).isEqualTo(Status.SUBMITTED);
        nomination.appraise("office.b", false, "thiếu biên bản");
        assertThat(nomination.status).isEqualTo(Status.REJECTED);
        assertThat(nomination.rejectionReason).isEqualTo("thiếu biên bản");
    }

    @Test
    void withoutAQuorumTheCouncilDecidesNothingAndAMajorityOfAllMembersIsNeeded() {
        Nomination nomination = atCouncil(List.of("a", "b", "c", "d"), 3);
        assertThatThrownBy(() -> nomination.countVotes(List.of("YES", "YES")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("needs 3");
        assertThat(nomination.status).isEqualTo(Status.AT_COUNCIL);
        nomination.countVotes(List.of("YES", "YES", "NO")); // 2 of 4 members is not more than half
        assertThat(nomination.status).isEqualTo(Status.REJECTED);
        assertThat(atCouncil(List.of("a"), 1).vote("a", "YES").step()).isEqualTo("VOTED");
        assertThatThrownBy(() -> atCouncil(List.of("a"), 1).vote("stranger", "YES"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void aFormWithACommentPeriodIsAnnouncedFirstAndDecidedOnlyAfterThePeriod() {
        Nomination nomination = approved();
        assertThatThrownBy(() -> nomination.decide(form(15), rate(), Optional.of(salary(2_340_000)), "INDIVIDUAL",
                "1", TODAY, null, "chairman", TODAY)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("15 days");
        invalid(() -> nomination.announce(TODAY, 10, form(15), TODAY), "days", "at least 15");
        invalid(() -> nomination.announce(TODAY.minusDays(1), null, form(15), TODAY), "announcedOn",
                "before the day it is recorded");
        nomination.announce(TODAY, null, form(15), TODAY);
        assertThat(nomination.commentsUntil).isEqualTo(TODAY.plusDays(14));
        assertThatThrownBy(() -> nomination.decide(form(15), rate(), Optional.of(salary(2_340_000)), "INDIVIDUAL",
                "1", nomination.commentsUntil, null, "chairman", nomination.commentsUntil.plusDays(1)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("open until");
    }

    @Test
    void aDecisionNeedsABaseSalaryInForceAndAHouseholdReceivesOneAndAHalfTimes() {
        Nomination nomination = approved();
        invalid(() -> nomination.decide(form(null), rate(), Optional.empty(), "HOUSEHOLD", "1", TODAY, null,
                "chairman", TODAY), "decidedOn", "base salary");
        invalid(() -> nomination.decide(form(null), Optional.empty(), Optional.of(salary(2_340_000)), "HOUSEHOLD",
                "1", TODAY, null, "chairman", TODAY), "decidedOn", "no multiple");
        assertThat(nomination.status).isEqualTo(Status.COUNCIL_APPROVED);
        nomination.decide(form(null), rate(), Optional.of(salary(2_340_000)), "HOUSEHOLD", "1", TODAY,
                "UBND tỉnh Minh Hoạ", "chairman", TODAY);
        // 1.5 × 2,340,000 = 3,510,000 for an individual; × 1.5 = 5,265,000, rounded up to 5,270,000.
        assertThat(nomination.rewardVnd).isEqualTo(5_270_000L);
        assertThat(nomination.authorityName).isEqualTo("UBND tỉnh Minh Hoạ");
    }

    /** Every transition checks its table entry first: from any other status it is a 409 and changes nothing. */
    @Test
    void everyTransitionRefusesAStatusItIsNotAllowedFromAndSaysWhatItRecorded() {
        List<java.util.function.Function<Nomination, Nomination.Recorded>> steps = List.of(
                n -> n.appraise("office.b", true, null),
                n -> n.putToCouncil(List.of("a", "b"), 1),
                n -> n.vote("a", "YES"),
                n -> n.countVotes(List.of("YES", "YES")),
                n -> n.announce(TODAY, null, form(null), TODAY),
                n -> n.decide(form(null), rate(), Optional.of(salary(2_340_000)), "INDIVIDUAL", "9", TODAY, null,
                        "chairman", TODAY),
                n -> n.decline("khiếu nại có cơ sở"),
                n -> n.revoke("khai man", 0),
                n -> n.payReward(TODAY, "PC-9", "accountant", TODAY));
        Nomination rejected = nomination();
        rejected.status = Status.REJECTED;
        for (var step : steps) {
            assertThatThrownBy(() -> step.apply(rejected)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
            assertThat(rejected.status).isEqualTo(Status.REJECTED);
        }
        Nomination n = nomination();
        assertThat(n.appraise("office.b", true, null)).isEqualTo(new Nomination.Recorded("APPRAISED", "true"));
        assertThat(n.putToCouncil(List.of("a", "b"), 1)).isEqualTo(new Nomination.Recorded("AT_COUNCIL",
                "2 members, quorum 1"));
        assertThat(n.countVotes(List.of("YES", "YES")).step()).isEqualTo("COUNTED");
        assertThat(n.announce(TODAY, 5, form(null), TODAY)).isEqualTo(new Nomination.Recorded("ANNOUNCED",
                TODAY + " – " + TODAY.plusDays(4)));
        assertThat(n.decline(" khiếu nại có cơ sở ")).isEqualTo(new Nomination.Recorded("REJECTED",
                "khiếu nại có cơ sở"));
        assertThat(n.status).isEqualTo(Status.REJECTED);
        assertThat(n.live()).isFalse();
        Nomination decided = approved();
        assertThat(decided.decide(form(null), rate(), Optional.of(salary(2_340_000)), "INDIVIDUAL", "9", TODAY,
                null, "chairman", TODAY)).isEqualTo(new Nomination.Recorded("DECIDED", "9, 3510000 đồng"));
        assertThat(decided.payReward(TODAY, " PC-9 ", "accountant", TODAY)).isEqualTo(new Nomination.Recorded(
                "PAID", "3510000 đồng, PC-9"));
        assertThat(decided.live()).isTrue();
        assertThat(decided.revoke(" khai man ", 0)).isEqualTo(new Nomination.Recorded("REVOKED", "khai man"));
        assertThat(decided.live()).isFalse();
    }

    /** One achievement, one form, per period: periods overlap when they share a day. */
    @Test
    void periodsOverlapWhenTheyShareADay() {
        Nomination n = nomination(); // 2025-01-01 … 2025-12-31
        assertThat(n.overlaps(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(n.overlaps(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(n.overlaps(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(n.overlaps(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(n.live()).isTrue();
    }

    /** A 422 naming the field, with the reason. */
    private static void invalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable step, String field,
                                String reason) {
        assertThatThrownBy(step).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(e.errors()).anySatisfy(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.message()).contains(reason);
            });
        });
    }

    private static Nomination nomination() {
        return Nomination.submit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "BANG_KHEN_UBND_TINH",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), " Ủng hộ 500 triệu đồng ", "[]", "officer.a",
                OffsetDateTime.parse("2025-11-01T09:00:00+07:00"));
    }

    private static Nomination atCouncil(List<String> members, int quorum) {
        Nomination nomination = nomination();
        nomination.appraise("office.b", true, null);
        nomination.putToCouncil(members, quorum);
        return nomination;
    }

    private static Nomination approved() {
        Nomination nomination = atCouncil(List.of("a", "b", "c"), 2);
        nomination.countVotes(List.of("YES", "YES"));
        return nomination;
    }

    private static AwardForm form(Integer announcementDays) {
        AwardForm form = new AwardForm();
        form.code = "BANG_KHEN_UBND_TINH";
        form.name = "Bằng khen của Chủ tịch UBND tỉnh";
        form.awardType = "CERTIFICATE_OF_MERIT";
        form.level = "PROVINCE";
        form.participantKinds = "COLLECTIVE,HOUSEHOLD,INDIVIDUAL";
        form.announcementDays = announcementDays;
        return form;
    }

    private static Optional<AwardFormRate> rate() {
        AwardFormRate rate = new AwardFormRate();
        rate.formCode = "BANG_KHEN_UBND_TINH";
        rate.validFrom = LocalDate.of(2025, 7, 1);
        rate.multiple = new BigDecimal("1.5");
        return Optional.of(rate);
    }

    private static BaseSalary salary(long amount) {
        BaseSalary salary = new BaseSalary();
        salary.validFrom = LocalDate.of(2024, 7, 1);
        salary.amountVnd = amount;
        return salary;
    }
}
