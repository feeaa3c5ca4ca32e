package reviewcoach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import reviewcoach.config.Settings;
import reviewcoach.testing.TestWorkspace;

class ReviewCoachTest {

    @Test
    void anInstanceClaimsUnderItsHostAndPortOrAUniqueNameWhenItsPortIsPickedAtRandom() {
        String onPort3000 = ReviewCoach.courierName(onPort(3000));

        assertTrue(onPort3000.endsWith(":3000"), onPort3000);
        assertEquals(onPort3000, ReviewCoach.courierName(onPort(3000)), "restarted, it takes back its own claims");
        assertNotEquals(ReviewCoach.courierName(onPort(0)), ReviewCoach.courierName(onPort(0)));
    }

    private static Settings onPort(int port) {
        return new Settings(
                TestWorkspace.SIGNING_SECRET,
                TestWorkspace.BOT_TOKEN,
                port,
                Settings.DEFAULT_DATABASE_URL,
                null,
                null,
                null,
                Settings.DEFAULT_SLACK_API_URL);
    }
}
