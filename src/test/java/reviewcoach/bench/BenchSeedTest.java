package reviewcoach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchSeedTest {

    private static final String SQL =
            "SELECT {minutes(-2 * X, CURRENT_TIMESTAMP)}, {minutes(R.X * 3, S.STARTED_AT)} FROM {range(0, 9) R}";

    @Test
    void writesMinutesAndRangesInH2sWords() {
        assertEquals(
                "SELECT DATEADD('MINUTE', -2 * X, CURRENT_TIMESTAMP), DATEADD('MINUTE', R.X * 3, S.STARTED_AT)"
                        + " FROM SYSTEM_RANGE(0, 9) R",
                BenchSeed.dialect(SQL, false));
    }

    @Test
    void writesMinutesAndRangesInPostgresWords() {
        assertEquals(
                "SELECT (CURRENT_TIMESTAMP + (-2 * X) * INTERVAL '1 minute'), (S.STARTED_AT + (R.X * 3) * INTERVAL"
                        + " '1 minute') FROM generate_series(0, 9) AS R(X)",
                BenchSeed.dialect(SQL, true));
    }
}
