package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {

    private final Session opening = Session.opening(
            7, "T1", "U1", "U1", Review.of("The wait was long."), Instant.parse("2026-12-01T09:00:00Z"));

    @Test
    void aSessionAddressedToItsStarterGoesOnInTheDirectMessageSlackOpened() {
        Session opened = opening.openedIn("D1", "1700000000.000100");

        assertEquals("D1", opened.channel());
        assertEquals("1700000000.000100", opened.thread());
        assertEquals(SessionStatus.OPEN, opened.status());
    }

    @Test
    void aSessionOpenedWhereItWasStartedKeepsItsChannel() {
        Session opened = Session.opening(8, "T1", "C1", "U1", Review.of("Rude."), opening.startedAt())
                .openedIn("1700000000.000200");

        assertEquals("C1", opened.channel());
        assertEquals("1700000000.000200", opened.thread());
    }
}
