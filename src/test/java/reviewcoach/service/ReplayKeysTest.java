package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys of handled requests: the same for a retry, and in the order the requests were sent. */
class ReplayKeysTest {

    @Test
    void aRetryHasTheSameKey() {
        assertEquals(ReplayKeys.of(1_700_000_000, "Ev08MFMKH6"), ReplayKeys.of(1_700_000_000, "Ev08MFMKH6"));
        assertEquals("1700000000:Ev08MFMKH6", ReplayKeys.of(1_700_000_000, "Ev08MFMKH6"));
    }

    @Test
    void laterRequestsSortAfterEarlierOnesWhateverTheirIds() {
        List<String> keys = new ArrayList<>();
        String[] ids = {"Ev9ZZZ", "Ev0AAA", "f3a9c1", "0000", "Ev5"};
        for (int i = 0; i < ids.length; i++) {
            keys.add(ReplayKeys.of(999_999_990L + i * 3L, ids[i])); // crosses from nine digits to ten
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(keys, sorted);
    }

    @Test
    void aMissingSecondIsZeroAndASecondPastTenDigitsIsClamped() {
        assertEquals("0000000000:Ev1", ReplayKeys.of(0, "Ev1"));
        assertEquals("0000000000:Ev1", ReplayKeys.of(-5, "Ev1"));
        assertEquals("9999999999:Ev1", ReplayKeys.of(Long.MAX_VALUE, "Ev1"));
    }

    @Test
    void everyKeyFitsTheHandledEventsColumn() {
        String longest = ReplayKeys.of(Long.MAX_VALUE, "E".repeat(ReplayKeys.MAX_ID_LENGTH));
        assertTrue(longest.length() <= 64, longest.length() + " characters");
        assertThrows(IllegalArgumentException.class, () -> ReplayKeys.of(1, "E".repeat(ReplayKeys.MAX_ID_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> ReplayKeys.of(1, ""));
    }
}
