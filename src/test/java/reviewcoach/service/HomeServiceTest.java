package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reviewcoach.summary.Home;
import reviewcoach.testing.SettableClock;

/**
 * The month's picture, the one costly part of a home, is drawn once a minute per workspace, not once per home, and no
 * home waits long for it.
 */
class HomeServiceTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final CountingActivity activity = new CountingActivity();
    /** Redraws run at once, on the calling thread, so that the test can count them. */
    private final HomeService homes =
            new HomeService(activity, clock, ZoneOffset.UTC, Runnable::run, HomeService.FIRST_PICTURE_WAIT);

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
    void theFirstHomesGoWithoutThePictureWhileItIsDrawnAndAreToldWhenItIsThere() {
        List<Runnable> drawings = new ArrayList<>();
        HomeService later = new HomeService(activity, clock, ZoneOffset.UTC, drawings::add, Duration.ZERO);
        List<String> shownAgain = new ArrayList<>();

        Home first = later.homeFor("T1", "U1");
        Home second = later.homeFor("T1", "U2");
        assertEquals(Optional.empty(), first.picture(), "no home waits for a picture taking long to draw");
        assertEquals(Optional.empty(), second.picture());
        assertEquals(1, drawings.size(), "one drawing, however many homes asked");
        later.whenPictureDrawn("T1", () -> shownAgain.add("U1"));
        later.whenPictureDrawn("T1", () -> shownAgain.add("U2"));
        assertEquals(List.of(), shownAgain);

        drawings.get(0).run();
        assertEquals(
                List.of("U1", "U2"),
                shownAgain.stream().sorted().toList(),
                "each home is shown again once its picture is there");
        assertTrue(later.homeFor("T1", "U3").picture().isPresent());
        later.whenPictureDrawn("T1", () -> shownAgain.add("U3"));
        assertEquals("U3", shownAgain.get(2), "told at once when the picture is already drawn");
        assertEquals(1, activity.pictures.get());
    }

    @Test
    void aStalePictureIsShownWhileItIsDrawnAgainInTheBackground() {
        List<Runnable> drawings = new ArrayList<>();
        HomeService later = new HomeService(activity, clock, ZoneOffset.UTC, drawings::add, Duration.ZERO);
        later.homeFor("T1", "U1");
        drawings.remove(0).run();
        assertEquals(1, activity.pictures.get());

        clock.advance(Duration.ofMinutes(2));
        assertTrue(later.homeFor("T1", "U2").picture().isPresent(), "the last picture is shown meanwhile");
        later.homeFor("T1", "U3");
        assertEquals(1, activity.pictures.get(), "no home waits for a redraw");
        assertEquals(1, drawings.size(), "one redraw, however many homes found the picture stale");

        drawings.get(0).run();
        assertEquals(2, activity.pictures.get());
        later.homeFor("T1", "U4");
        assertEquals(1, drawings.size(), "fresh again");
    }

    /** Answers empty lists and counts how often the picture is drawn (each drawing asks for the changes once). */
    private static final class CountingActivity extends QuietTeamActivity {
        final AtomicInteger pictures = new AtomicInteger();

        @Override
        public long changes(String workspace) {
            pictures.incrementAndGet();
            return super.changes(workspace);
        }
    }
}
