package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.Policy;
import reviewcoach.summary.WeeklySchedule;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.SettableClock;

/** The weekly digest goes out at its hour, in its time zone, once a week, across restarts. */
class WeeklyDigestEndToEndTest {

    private static final String MANAGERS_CHANNEL = "C0MANAGERS";
    /** Fridays at 16:00 in Berlin, which is 15:00 UTC in winter. */
    private static final WeeklySchedule FRIDAY_AFTERNOON =
            new WeeklySchedule(DayOfWeek.FRIDAY, 16, ZoneId.of("Europe/Berlin"));
    /** A Friday, shortly before the digest is due. */
    private static final Instant BEFORE = Instant.parse("2026-11-27T14:59:00Z");

    private static final Duration POLLS = Duration.ofMillis(400);

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock(BEFORE);
    private FakeSlackApi slack;
    private RunningService service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void theDigestGoesOutAtItsHourOnceAcrossARestartAndAgainAWeekLater() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.startWithClock(
                folder,
                slack,
                MANAGERS_CHANNEL,
                Policy.defaults(),
                ReviewCoach.Tuning.standard().withDigestPoll(Duration.ofMillis(20)),
                clock,
                settings -> settings.withDigestSchedule(FRIDAY_AFTERNOON));

        pause();
        assertEquals(0, digests().size(), "not before its hour");

        clock.set(Instant.parse("2026-11-27T15:00:05Z"));
        slack.awaitCalls("chat.postMessage", 1, RunningService.WAIT);
        service.awaitOutboxEmpty();
        pause();
        assertEquals(1, digests().size(), "once at its hour");

        service.restart();
        pause();
        service.awaitOutboxEmpty();
        assertEquals(1, digests().size(), "not again after a restart in the same week");

        clock.set(Instant.parse("2026-12-04T15:00:01Z"));
        pause();
        service.awaitOutboxEmpty();
        assertEquals(2, digests().size(), "and again the next week");
    }

    /** Long enough for many polls; a digest wrongly queued would be sent within it. */
    private void pause() throws InterruptedException {
        Thread.sleep(POLLS.toMillis());
        slack.awaitQuiet(Duration.ofMillis(100), RunningService.WAIT);
    }

    private List<FakeSlackApi.Call> digests() {
        return slack.calls("chat.postMessage").stream()
                .filter(call -> MANAGERS_CHANNEL.equals(call.param("channel")))
                .filter(call -> call.param("text").startsWith("The week in reviews"))
                .toList();
    }
}
