package reviewcoach.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Step;
import reviewcoach.service.DeliveryKind;
import reviewcoach.service.ReplayKeys;
import reviewcoach.store.Database;
import reviewcoach.store.JdbcSessionStore;

/**
 * What H2 writes for one contribution, a figure that does not move with the machine's speed as the end-to-end
 * benchmark's do: 64 threads run the transaction a contribution runs (its event's key, the session's lock, the line,
 * the reaction owed to Slack) against 100 open sessions in a fresh H2 file, through the app's group commit, and it
 * prints the bytes H2 wrote per contribution, contributions per commit, and the committing thread's CPU per
 * contribution (which does move with the machine). Run with {@code bench/run.sh --store-writes}.
 */
final class StoreWrites {

    static final int SESSIONS = 100;
    private static final int THREADS = 64;

    private static final String REVIEW =
            "We waited 40 minutes past our appointment and nobody at the front desk said sorry. Never again.";
    private static final String LINE = "A review posted on Monday says they waited 40 minutes.";

    /** One round's figures. */
    record Round(long contributions, long bytesWritten, long commits, long committerNanos) {
        long bytesPerContribution() {
            return bytesWritten / contributions;
        }

        double contributionsPerCommit() {
            return contributions / (double) Math.max(1, commits);
        }

        long committerMicrosPerContribution() {
            return committerNanos / 1000 / contributions;
        }
    }

    public static void main(String[] args) throws Exception {
        int contributions = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.println(Machine.describe());
        Path directory = Files.createTempDirectory("store-writes");
        for (Round round : run(directory, contributions, rounds)) {
            System.out.printf(
                    "%,d contributions: %,d bytes written each, %.1f per commit, committing thread %d µs of CPU each%n",
                    round.contributions(),
                    round.bytesPerContribution(),
                    round.contributionsPerCommit(),
                    round.committerMicrosPerContribution());
        }
        System.exit(0); // the group commit's thread does not hold the JVM, but the pool's threads might
    }

    /** The first round warms the JVM and fills the indexes' upper pages; read the later ones. */
    static List<Round> run(Path directory, int contributions, int rounds) throws Exception {
        String url = "jdbc:h2:" + directory.resolve("store-writes").toAbsolutePath();
        try (HikariDataSource dataSource = Database.open(url, "sa", "")) {
            JdbcSessionStore store = new JdbcSessionStore(dataSource, Database.transactions(url, dataSource));
            List<Long> sessions = openSessions(store);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                AtomicLong sequence = new AtomicLong();
                List<Round> results = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    results.add(round(dataSource, store, sessions, threads, sequence, contributions));
                }
                return results;
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static List<Long> openSessions(JdbcSessionStore store) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String channel = "C0WRITE" + (i % 20);
            ids.add(store.inTransaction(
                    tx -> tx.createSession("T0WRITES", channel, "U0STARTER", Review.of(REVIEW), null, Instant.now())
                            .id()));
        }
        return ids;
    }

    private static Round round(
            HikariDataSource dataSource,
            JdbcSessionStore store,
            List<Long> sessions,
            ExecutorService threads,
            AtomicLong sequence,
            int contributions)
            throws Exception {
        long bytesBefore = storeInfo(dataSource, "info.FILE_WRITE_BYTES");
        long writesBefore = storeInfo(dataSource, "info.FILE_WRITE");
        long cpuBefore = committerCpu();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < contributions; i++) {
            done.add(threads.submit(() -> contribute(store, sessions, sequence.incrementAndGet())));
        }
        for (Future<?> each : done) {
            each.get();
        }
        return new Round(
                contributions,
                storeInfo(dataSource, "info.FILE_WRITE_BYTES") - bytesBefore,
                storeInfo(dataSource, "info.FILE_WRITE") - writesBefore,
                committerCpu() - cpuBefore);
    }

    /** What {@code SessionService} does for a line that is recorded and acknowledged. */
    private static void contribute(JdbcSessionStore store, List<Long> sessions, long n) {
        long session = sessions.get((int) (n % sessions.size()));
        String messageId = "1700000000." + n;
        Instant now = Instant.now();
        String eventId = ReplayKeys.of(now.getEpochSecond(), SlackTraffic.eventId(n));
        store.inEventTransaction(eventId, now, session, tx -> {
            tx.claimEventAndLock(eventId, now, session);
            tx.addContribution(
                    session,
                    new Contribution(messageId, Step.first(), "U0WRITER", LINE, null, now),
                    DeliveryKind.ACKNOWLEDGE,
                    now);
            return null;
        });
    }

    private static long storeInfo(HikariDataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Long.parseLong(row.getString(1));
            }
        }
    }

    /** CPU time of the group commit's thread (see {@code GroupCommit}). */
    private static long committerCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("group-commit")) {
                total += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return total;
    }

    private StoreWrites() {}
}
