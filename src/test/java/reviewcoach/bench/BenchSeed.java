package reviewcoach.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import reviewcoach.store.Database;

/**
 * Fills the app's H2 database before it starts with a store the size the issue names for the App Home and {@code
 * /review list}: 100,000 sessions (one every two minutes going back, within the 180 days retention keeps, every tenth still
 * open, in 100 channels) and ten
 * contributions each, a million in all, plus open action items. Uses {@code INSERT ... SELECT} from a range of numbers (H2's {@code SYSTEM_RANGE},
 * PostgreSQL's {@code generate_series}), so
 * that the database does the work in a few statements.
 */
final class BenchSeed {

    static final int FULL_SESSIONS = 100_000;
    static final int SMOKE_SESSIONS = 1_000;
    /** Channels the seeded sessions are spread over: {@code C0SEED00} to {@code C0SEED99}. */
    static final String CHANNEL_PREFIX = "C0SEED";

    static final String LIST_CHANNEL = CHANNEL_PREFIX + "07";
    /** People who started seeded sessions and own their action items: {@code U0SEED0} to {@code U0SEED49}. */
    static final String USER_PREFIX = "U0SEED";

    private static final String SESSIONS = "INSERT INTO sessions (workspace, channel, thread, starter, review_text,"
            + " step, status, started_at, finished_at)"
            + " SELECT '%1$s', '" + CHANNEL_PREFIX + "' || LPAD(CAST(MOD(X, 100) AS VARCHAR), 2, '0'),"
            + " '1600000000.' || LPAD(CAST(X AS VARCHAR), 6, '0'), '" + USER_PREFIX + "' || MOD(X, 50),"
            + " 'Seeded review number ' || X || ': the wait was long and nobody said sorry.',"
            + " CASE WHEN MOD(X, 10) = 0 THEN 'FEELING' ELSE 'RESPONSE_PLAN' END,"
            + " CASE WHEN MOD(X, 10) = 0 THEN 'OPEN' ELSE 'FINISHED' END,"
            + " {minutes(-2 * X, CURRENT_TIMESTAMP)},"
            + " CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE {minutes(40 - 2 * X, CURRENT_TIMESTAMP)} END"
            + " FROM {range(1, %2$d) G}";

    private static final String STEPS = "CASE R.X WHEN 0 THEN 'CIRCUMSTANCE' WHEN 1 THEN 'THOUGHT' WHEN 2 THEN"
            + " 'FEELING' WHEN 3 THEN 'ACTION' WHEN 4 THEN 'RESULT' WHEN 5 THEN 'NEW_RESULT' WHEN 6 THEN"
            + " 'NEW_ACTION' WHEN 7 THEN 'NEW_FEELING' WHEN 8 THEN 'NEW_THOUGHT' ELSE 'RESPONSE_PLAN' END";

    private static final String CONTRIBUTIONS = "INSERT INTO contributions (session_id, message_id, step, author,"
            + " text, written_at)"
            + " SELECT S.ID, 'seed.' || R.X, " + STEPS + ", S.STARTER,"
            + " CASE WHEN R.X = 2 THEN CASE MOD(S.ID, 4) WHEN 0 THEN 'anxious' WHEN 1 THEN 'angry'"
            + " WHEN 2 THEN 'embarrassed' ELSE 'hurt' END"
            + " WHEN R.X = 7 THEN CASE MOD(S.ID, 3) WHEN 0 THEN 'calm' WHEN 1 THEN 'curious' ELSE 'determined' END"
            + " ELSE 'A seeded line for the step' END,"
            + " {minutes(R.X * 3, S.STARTED_AT)}"
            + " FROM SESSIONS S, {range(0, 9) R} WHERE S.CHANNEL LIKE '" + CHANNEL_PREFIX + "%%'";

    private static final String ITEMS = "INSERT INTO action_items (session_id, workspace, position, description, owner,"
            + " due_date, status, created_at)"
            + " SELECT ID, WORKSPACE, 1, 'Call the reviewer back', STARTER, CAST(STARTED_AT AS DATE) + 3,"
            + " CASE WHEN MOD(ID, 3) = 0 THEN 'DONE' ELSE 'OPEN' END, STARTED_AT"
            + " FROM SESSIONS WHERE MOD(ID, 20) = 0";

    private static final java.util.regex.Pattern MINUTES =
            java.util.regex.Pattern.compile("\\{minutes\\(([^,]+), ([A-Z_.]+)\\)}");
    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("\\{range\\((-?\\d+), (\\d+)\\) ([A-Z])}");

    private BenchSeed() {}

    /** Writes the two things H2 and PostgreSQL spell differently: minutes added to a time, and a range of numbers X. */
    static String dialect(String sql, boolean postgres) {
        String minutes = MINUTES.matcher(sql)
                .replaceAll(postgres ? "($2 + ($1) * INTERVAL '1 minute')" : "DATEADD('MINUTE', $1, $2)");
        return RANGE.matcher(minutes)
                .replaceAll(postgres ? "generate_series($1, $2) AS $3(X)" : "SYSTEM_RANGE($1, $2) $3");
    }

    /** Migrates the database at {@code url} and fills it; closes it again so that the app can open the file. */
    static void seed(String url, String workspace, int sessions) {
        long begin = System.nanoTime();
        try (HikariDataSource dataSource = Database.open(url, null, null);
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            boolean postgres = url.startsWith("jdbc:postgresql:");
            statement.executeUpdate(dialect(String.format(SESSIONS, workspace, sessions), postgres));
            statement.executeUpdate(dialect(String.format(CONTRIBUTIONS), postgres));
            statement.executeUpdate(ITEMS);
            statement.execute("ANALYZE");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not seed the benchmark's store", failure);
        }
        BenchRun.progress(
                "seeded %,d sessions and %,d contributions in %.1f s",
                sessions, sessions * 10L, (System.nanoTime() - begin) / 1e9);
    }
}
