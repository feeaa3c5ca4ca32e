package reviewcoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarsTest {

    @Test
    void theLargestFillsTheWidthAndTheOthersTheirShare() {
        List<Tally> tallies = List.of(new Tally("a", 8), new Tally("b", 4), new Tally("c", 2));
        assertEquals(List.of(10, 5, 3), Bars.lengths(tallies, 10));
    }

    @Test
    void everyTallyGetsAtLeastOneSquare() {
        List<Tally> tallies = List.of(new Tally("common", 1000), new Tally("rare", 1));
        assertEquals(List.of(10, 1), Bars.lengths(tallies, 10));
    }

    @Test
    void noTalliesNoBars() {
        assertEquals(List.of(), Bars.lengths(List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> Bars.lengths(List.of(), 0));
    }
}
