package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reviewcoach.dialogue.coaching.CoachingRules;

class ActionItemTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            nullValues = "-",
            value = {
                "action: retrain front desk on call-backs <@U0DANA> by 2026-12-01;retrain front desk on call-backs;U0DANA;2026-12-01",
                "Action: call the client back <@U0SAM|sam>;call the client back;U0SAM;-",
                "todo: update the voicemail greeting by 2026-11-30;update the voicemail greeting;-;2026-11-30",
                "follow-up: <@U0LEE> reply on Google by 2026-12-02;reply on Google;U0LEE;2026-12-02",
                "Follow up:   check the booking form   ;check the booking form;-;-"
            })
    void readsWhatWhoAndWhen(String line, String description, String owner, String due) {
        ActionItem item = ActionItem.parse(line).orElseThrow();
        assertEquals(description, item.description());
        assertEquals(owner, item.owner());
        assertEquals(due == null ? null : LocalDate.parse(due), item.due());
    }

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(
            delimiter = ';',
            nullValues = "-",
            value = {
                "action: call her back <@U0DANA> by Friday;call her back;2026-12-04",
                "action: call her back by friday <@U0DANA>;call her back;2026-12-04",
                "action: call her back by Fri;call her back;2026-12-04",
                "action: call her back by next Friday;call her back;2026-12-04",
                "action: call her back by Wednesday;call her back;2026-12-09",
                "action: call her back by Monday;call her back;2026-12-07",
                "action: update the form by Dec 1;update the form;2027-12-01",
                "action: update the form by Dec 2;update the form;2026-12-02",
                "action: update the form by December 15th;update the form;2026-12-15",
                "action: update the form by Jan 5, 2027;update the form;2027-01-05",
                "action: update the form by Sept. 3;update the form;2027-09-03",
                "action: update the form by 1 December;update the form;2027-12-01",
                "action: update the form by 20th of December;update the form;2026-12-20",
                "action: update the form by 12/1;update the form;2027-12-01",
                "action: update the form by 12/24;update the form;2026-12-24",
                "action: update the form by 1/15/2027;update the form;2027-01-15",
                "action: update the form by 1/15/27;update the form;2027-01-15",
                "action: reply on Google by tomorrow;reply on Google;2026-12-03",
                "action: reply on Google by today;reply on Google;2026-12-02",
                "action: reply on Google by end of day;reply on Google;2026-12-02",
                "action: retrain the front desk by next week;retrain the front desk;2026-12-07",
                "action: retrain the front desk by the end of the week;retrain the front desk;2026-12-04",
                "action: retrain the front desk by 2026-12-01;retrain the front desk;2026-12-01",
                "action: check the booking form by hand;check the booking form by hand;-",
                "action: ask the front desk by phone by Friday;ask the front desk by phone;2026-12-04",
                "action: fix the form by 13/45;fix the form by 13/45;-",
                "action: fix the form by Feb 30;fix the form by Feb 30;-",
                "action: fix the form by Mayday;fix the form by Mayday;-"
            })
    void readsDueDatesAsPeopleWriteThem(String line, String description, String due) {
        ActionItem item = ActionItem.parse(line, TODAY).orElseThrow();

        assertEquals(description, item.description());
        assertEquals(due == null ? null : LocalDate.parse(due), item.due());
    }

    @Test
    void withoutTodayOnlyIsoDatesAreRead() {
        assertEquals(
                null,
                ActionItem.parse("action: call her back by Friday")
                        .orElseThrow()
                        .due());
        assertEquals(
                "call her back by Friday",
                ActionItem.parse("action: call her back by Friday")
                        .orElseThrow()
                        .description());
        assertEquals(
                LocalDate.of(2026, 12, 1),
                ActionItem.parse("action: call her back by 2026-12-01")
                        .orElseThrow()
                        .due());
    }

    @Test
    void otherLinesAreNotActionItems() {
        for (String line : List.of("We should retrain the front desk", "action:", "reaction: surprise", "")) {
            assertEquals(Optional.empty(), ActionItem.parse(line), line);
        }
    }

    @Test
    void aFollowUpWithoutAnOwnerIsQuestionedOnlyInThePlan() {
        Dialogue dialogue = new Dialogue(CoachingRules.standard());

        assertTrue(dialogue.assess(Step.RESPONSE_PLAN, "action: retrain the front desk")
                .orElseThrow()
                .reason()
                .contains("Who will own it?"));
        assertEquals(Optional.empty(), dialogue.assess(Step.RESPONSE_PLAN, "action: retrain the front desk <@U0DANA>"));
        assertEquals(Optional.empty(), dialogue.assess(Step.RESULT, "action: retrain the front desk"));
    }
}
