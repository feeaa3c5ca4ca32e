package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.Step;

/** Which outcomes {@link SessionService} logs at INFO: a session's progress, not every message written in it. */
class SessionServiceLoggingTest {

    private static final Contribution LINE = new Contribution(
            "1700000000.000200", Step.THOUGHT, "U1", "This will ruin us.", null, Instant.parse("2026-12-03T09:00:00Z"));

    @Test
    void aSessionsProgressIsLoggedAtInfo() {
        assertTrue(SessionService.isProgress(new Outcome.Moved(Step.CIRCUMSTANCE, Step.THOUGHT)));
        assertTrue(SessionService.isProgress(new Outcome.Finished(Step.THOUGHT)));
        assertTrue(SessionService.isProgress(new Outcome.Picked(LINE, Optional.of(Step.FEELING))));
        assertTrue(SessionService.isProgress(new Outcome.Rated(LINE, 4, Optional.empty())));
    }

    /** A busy office writes these by the hundred; at INFO each was a write to standard output on a request thread. */
    @Test
    void eachMessageWrittenEditedOrDeletedIsLoggedAtDebugOnly() {
        assertFalse(SessionService.isProgress(new Outcome.Recorded(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Cared(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Revised(LINE, LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Withdrawn(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.PickNeeded(List.of(LINE))));
        assertFalse(SessionService.isProgress(new Outcome.RatingNeeded(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Unchanged(Outcome.Reason.SAME_TEXT)));
    }
}
