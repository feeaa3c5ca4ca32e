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
