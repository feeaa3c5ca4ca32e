package reviewcoach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the connection pool for a JDBC URL and brings the schema up to date with the versioned migrations. */
public final class Database {

    /**
     * Committers side by side on PostgreSQL (see {@link StripedCommit}); each holds a connection while it commits. Two,
     * not more: a group of lines costs three round trips whatever its size, so fewer committers make bigger groups and
     * less work per line for the app and the server, while two let one group's round trips overlap the other's
     * (docs/BENCHMARKS.md, stop 25: on two cores shared with PostgreSQL, four committers' groups held about 4 lines
     * and took 8 ms, two committers' about 9 lines and 3 ms; one committer's about 28 lines and 8 ms).
     */
    static final int COMMITTERS = 2;

    private Database() {}

    /**
     * Opens a pool and migrates; {@link DatabaseOpening} does the same on a thread of its own.
     *
     * @param url a JDBC URL; for H2 a lock timeout is added so concurrent writers wait rather than fail
     * @param user the user, or null when the URL carries it
     * @param password the password, or null
     */
    public static HikariDataSource open(String url, String user, String password) {
        HikariDataSource dataSource = connect(url, user, password);
        try {
            migrate(dataSource, url);
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
        return dataSource;
    }

    /** Opens a pool, connecting at once (and failing after ten seconds when the database cannot be reached). */
    static HikariDataSource connect(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withDefaults(url));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("review-coach");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /**
     * How changes commit: grouped (see {@link GroupCommit}). On H2, where every commit is a write to its file, one
     * committer does it all. On PostgreSQL, where every commit is a WAL flush and a round trip, {@value #COMMITTERS}
     * committers side by side, each session's work always on the same one ({@link StripedCommit}), so that one group's
     * round trips never hold up the other's and a session's lock is held for one group at a time. With several
     * instances each groups its own callers.
     *
     * @param url the database's JDBC URL, which says which database it is
     */
    public static Transactions transactions(String url, DataSource dataSource) {
        return isH2(url) ? new GroupCommit(dataSource) : new StripedCommit(dataSource, COMMITTERS);
    }

    /**
     * How the courier's claims and marks commit: with the requests' transactions on H2, where a commit is a write to
     * its file; each on its own connection elsewhere. On PostgreSQL a claim's look over the outbox would otherwise
     * hold up, on the one committing thread, every request's commit behind it, while the server can run it beside them.
     *
     * @param requests the transactions of the requests, from {@link #transactions}
     */
    public static Transactions courierTransactions(String url, DataSource dataSource, Transactions requests) {
        return isH2(url) ? requests : Transactions.separate(dataSource);
    }

    /** @param url the database's JDBC URL, which says which database it is (see {@link #identityCache}) */
    static void migrate(DataSource dataSource, String url) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new HotTablesWithoutForeignKeys())
                .placeholders(Map.of("identity_cache", String.valueOf(identityCache(url))))
                .load()
                .migrate();
    }

    /**
     * How many identity values the database hands out before it writes down where it has got to (migration V12). On H2
     * that write is a commit, and so a write to its file, of its own; H2 keeps one counter for every connection, so a
     * large cache keeps ids in the order rows were written. PostgreSQL's cache is each connection's own, which would not.
     */
    static int identityCache(String url) {
        return isH2(url) ? 1000 : 1;
    }

    /**
     * For H2: wait for locks instead of failing at once, write each commit before answering (H2 otherwise keeps
     * commits in memory for up to half a second, and a killed process loses them), let the service, not the JVM,
     * decide when the database closes, and keep every statement the app prepares parsed (H2 keeps 8 a connection; the
     * committing connection alone runs a few dozen).
     */
    static String withDefaults(String url) {
        if (!isH2(url)) {
            return url;
        }
        StringBuilder withDefaults = new StringBuilder(url);
        String[] settings = {"LOCK_TIMEOUT=10000", "WRITE_DELAY=0", "DB_CLOSE_ON_EXIT=FALSE", "QUERY_CACHE_SIZE=128"};
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('='));
            if (!url.toUpperCase(java.util.Locale.ROOT).contains(";" + name + "=")) {
                withDefaults.append(';').append(setting);
            }
        }
        return withDefaults.toString();
    }

    /** Whether the JDBC URL names an H2 database (embedded or server), which the defaults above are for. */
    static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }
}
