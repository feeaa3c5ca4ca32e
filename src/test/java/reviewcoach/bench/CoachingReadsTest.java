package reviewcoach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The coaching benchmark runs and reads the same lines the same way every round (nothing about speed is asserted). */
class CoachingReadsTest {

    @Test
    void everyRoundReadsItsLinesAlike() {
        List<CoachingReads.Round> rounds = CoachingReads.run(700, 2);

        assertEquals(2, rounds.size());
        for (CoachingReads.Round round : rounds) {
            assertEquals(700, round.lines());
            assertTrue(round.nanos() > 0, round.toString());
        }
        assertEquals(rounds.get(0).checksum(), rounds.get(1).checksum(), "the same readings in both rounds");
    }
}
