package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reviewcoach.summary.PeriodPicture;
import reviewcoach.testing.SettableClock;

/** The month's picture, the one costly part of a home, is drawn once a minute per workspace, not once per home. */
class HomeServiceTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final CountingActivity activity = new CountingActivity();
    /** Redraws run at once, on the calling thread, so that the test can count them. */
    private final HomeService homes = new HomeService(activity, clock, ZoneOffset.UTC, Runnable::run);

    @Test
    void theMonthsPictureIsDrawnOnceAMinutePerWorkspaceWhoeverOpensTheirHome() {
        homes.homeFor("T1", "U1");
        homes.homeFor("T1", "U2");
        clock.advance(Duration.ofSeconds(30));
        homes.homeFor("T1", "U3");
        assertEquals(1, activity.pictures.get(), "one drawing for three homes within the minute");

        homes.homeFor("T2", "U1");
        assertEquals(2, activity.pictures.get(), "another workspace has its own picture");

        clock.advance(Duration.ofSeconds(31));
        homes.homeFor("T1", "U1");
        assertEquals(3, activity.pictures.get(), "drawn again once a minute old");
    }

    @Test
    void aStalePictureIsShownWhileItIsDrawnAgainInTheBackground() {
        List<Runnable> redraws = new java.util.ArrayList<>();
        HomeService later = new HomeService(activity, clock, ZoneOffset.UTC, redraws::add);
        later.homeFor("T1", "U1");
        assertEquals(1, activity.pictures.get(), "the first home waits for its picture");

        clock.advance(Duration.ofMinutes(2));
        later.homeFor("T1", "U2");
        later.homeFor("T1", "U3");
        assertEquals(1, activity.pictures.get(), "no home waits for a redraw");
        assertEquals(1, redraws.size(), "one redraw, however many homes found the picture stale");

        redraws.get(0).run();
        assertEquals(2, activity.pictures.get());
        later.homeFor("T1", "U4");
        assertEquals(1, redraws.size(), "fresh again");
    }

    /** Answers empty lists and counts how often the picture is drawn. */
    private static final class CountingActivity extends QuietTeamActivity {
        final AtomicInteger pictures = new AtomicInteger();

        @Override
        public PeriodPicture picture(String workspace, Instant from, Instant to) {
            pictures.incrementAndGet();
            return super.picture(workspace, from, to);
        }
    }
}
