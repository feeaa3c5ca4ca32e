package reviewcoach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store benchmark runs, and reads real figures from H2 (nothing about speed is asserted). */
class StoreWritesTest {

    @TempDir
    Path directory;

    @Test
    void eachRoundReportsWhatH2WroteForItsContributions() throws Exception {
        List<StoreWrites.Round> rounds = StoreWrites.run(directory, 300, 2);

        assertEquals(2, rounds.size());
        for (StoreWrites.Round round : rounds) {
            assertEquals(300, round.contributions());
            assertTrue(round.bytesPerContribution() > 100, round.toString());
            assertTrue(round.commits() >= 1 && round.contributionsPerCommit() >= 1, round.toString());
        }
    }
}
