package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.AllAtOnce;
import reviewcoach.testing.TestDatabase;

class JdbcOAuthStatesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(10));

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcOAuthStates states;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        states = new JdbcOAuthStates(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void aStateIsUsedUpOnce() {
        states.issue("state-1", EXPIRY);

        assertTrue(states.consume("state-1", NOW));
        assertFalse(states.consume("state-1", NOW));
    }

    @Test
    void anExpiredStateIsRefused() {
        states.issue("state-1", EXPIRY);

        assertFalse(states.consume("state-1", EXPIRY));
    }

    @Test
    void aStateNeverIssuedIsRefused() {
        states.issue("state-1", EXPIRY);

        assertFalse(states.consume("state-2", NOW));
        assertFalse(states.consume("", NOW));
        assertFalse(states.consume(null, NOW));
        assertTrue(states.consume("state-1", NOW));
    }

    @Test
    void ofTwoReturnsWithTheSameStateExactlyOneIsLetThrough() throws Exception {
        for (int round = 0; round < 20; round++) {
            String state = "state-" + round;
            states.issue(state, EXPIRY);

            List<Boolean> answers = AllAtOnce.run(2, () -> states.consume(state, NOW));

            assertEquals(1, Collections.frequency(answers, true), state + ": " + answers);
        }
    }

    @Test
    void expiredStatesAreForgottenAndCounted() {
        states.issue("old-1", NOW.minusSeconds(1));
        states.issue("old-2", NOW);
        states.issue("fresh", EXPIRY);

        assertEquals(2, states.forgetExpired(NOW));
        assertEquals(0, states.forgetExpired(NOW));
        assertTrue(states.consume("fresh", NOW));
    }
}
