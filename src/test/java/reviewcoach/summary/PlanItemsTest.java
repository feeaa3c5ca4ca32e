package reviewcoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Step;

/** "By tomorrow" in a plan is read from the day it was written in the office's time zone, not in UTC. */
class PlanItemsTest {

    /** 23:30 on 1 December in UTC is already 12:30 on 2 December in Auckland. */
    private static final Instant LATE_IN_UTC = Instant.parse("2026-12-01T23:30:00Z");

    private static final List<Contribution> PLAN = List.of(new Contribution(
            "1700000000.000100",
            Step.RESPONSE_PLAN,
            "U0ALICE",
            "action: call the reviewer back <@U0BOB> by tomorrow",
            null,
            LATE_IN_UTC));

    @Test
    void aRelativeDueDateIsReadInTheOfficesTimeZone() {
        assertEquals(
                LocalDate.of(2026, 12, 3),
                ManagerSummary.planItems(PLAN, ZoneId.of("Pacific/Auckland"))
                        .get(0)
                        .due());
        assertEquals(
                LocalDate.of(2026, 12, 2),
                ManagerSummary.planItems(PLAN, ZoneOffset.UTC).get(0).due());
    }
}
