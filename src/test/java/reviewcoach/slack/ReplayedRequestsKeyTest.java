package reviewcoach.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A command's or a press's key: its signed second first, so keys go in time order, then its signature's digest. */
class ReplayedRequestsKeyTest {

    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    @Test
    void aCopyHasTheSameKeyLedByItsSignedSecond() {
        String key = ReplayedRequests.key("1796290000", SIGNATURE);

        assertEquals(key, ReplayedRequests.key("1796290000", SIGNATURE));
        assertTrue(key.matches("1796290000:[0-9a-f]{48}"), key);
        assertTrue(key.length() <= 64, key);
    }

    @Test
    void anotherSignatureIsAnotherKeyAndALaterSecondSortsAfter() {
        String earlier = ReplayedRequests.key("1796290000", SIGNATURE);

        assertNotEquals(earlier, ReplayedRequests.key("1796290000", SIGNATURE.replace('a', 'b')));
        assertTrue(earlier.compareTo(ReplayedRequests.key("1796290001", SIGNATURE.replace('a', 'b'))) < 0);
    }

    @Test
    void aTimestampThatIsNotANumberCountsAsSecondZero() {
        assertTrue(ReplayedRequests.key(null, SIGNATURE).startsWith("0000000000:"));
        assertTrue(ReplayedRequests.key("soon", SIGNATURE).startsWith("0000000000:"));
    }
}
