package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.testing.TestDatabase;

/**
 * Group commit keeps each caller's transaction its own: every caller returns only after its work is committed, gets
 * back its own result or its own failure, and a failing caller's changes are undone without undoing the others'.
 */
class GroupCommitTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private ExecutorService callers;

    @BeforeEach
    void open() throws SQLException {
        database = TestDatabase.create(folder);
        dataSource = database.open();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, caller VARCHAR(20))");
            connection.createStatement().execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            connection.createStatement().execute("INSERT INTO counters (id, n) VALUES (1, 0), (2, 0)");
        }
        callers = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void close() throws Exception {
        if (callers != null) {
            callers.shutdownNow();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP TABLE notes");
            connection.createStatement().execute("DROP TABLE counters");
        }
        dataSource.close();
        database.close();
    }

    @Test
    void everyCallerGetsItsOwnResultAfterItsWorkIsCommitted() throws Exception {
        try (GroupCommit commits = new GroupCommit(dataSource)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int id = i;
                results.add(callers.submit(() -> commits.run(connection -> insert(connection, id, "caller" + id))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i, results.get(i).get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(400, committedRows());
    }

    @Test
    void aFailingCallerIsRolledBackAloneAndGetsItsOwnFailure() throws Exception {
        IllegalStateException refusal = new IllegalStateException("refused by the caller's own rule");
        try (GroupCommit commits = new GroupCommit(dataSource)) {
            List<Future<Integer>> group = oneGroupOfTen(commits, (connection, id) -> {
                insert(connection, id, "grouped");
                if (id == 5) {
                    throw refusal;
                }
                return id;
            });

            for (int i = 1; i <= 10; i++) {
                if (i == 5) {
                    Future<Integer> failing = group.get(i - 1);
                    ExecutionException thrown =
                            assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
                    assertSame(refusal, thrown.getCause(), "the caller's own throwable, unchanged");
                } else {
                    assertEquals(i, group.get(i - 1).get(30, TimeUnit.SECONDS));
                }
            }
        }
        assertEquals(10, committedRows(), "all but the failing caller's row");
        assertEquals(List.of(), idsWhere("id = 5"));
    }

    @Test
    void aGroupWhosePiecesAllSucceedSetsNoSavepoint() throws Exception {
        List<String> savepoints = new CopyOnWriteArrayList<>();
        DataSource watched = watched(dataSource, method -> {
            if (method.contains("avepoint")) {
                savepoints.add(method);
            }
        });
        try (GroupCommit commits = new GroupCommit(watched)) {
            List<Future<Integer>> group = oneGroupOfTen(commits, (connection, id) -> insert(connection, id, "grouped"));

            for (int i = 1; i <= 10; i++) {
                assertEquals(i, group.get(i - 1).get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(11, committedRows());
        assertEquals(List.of(), savepoints, "no savepoint set or released while no piece fails");
    }

    /** One caller's piece of work in a test group, told its caller's number. */
    private interface NumberedWork {
        Integer run(Connection connection, int id) throws SQLException;
    }

    /**
     * Ten callers (numbered 1 to 10) committed as one group: a first caller (id 0, which inserts its row) holds the
     * committer until all ten wait behind it. Returns once the first is committed; the ten futures follow.
     */
    private List<Future<Integer>> oneGroupOfTen(GroupCommit commits, NumberedWork work) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> commits.run(connection -> {
            holding.countDown();
            awaitQuietly(release);
            return insert(connection, 0, "first");
        }));
        holding.await(30, TimeUnit.SECONDS);
        List<Future<Integer>> group = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int id = i;
            group.add(callers.submit(() -> commits.run(connection -> work.run(connection, id))));
        }
        awaitQueued(commits, 10);
        release.countDown();
        assertEquals(0, first.get(30, TimeUnit.SECONDS));
        return group;
    }

    @Test
    void whenTheCommitFailsEveryCallerOfTheGroupIsToldAndNothingOfItIsKept() throws Exception {
        try (GroupCommit commits = new GroupCommit(failingCommits(dataSource))) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int id = i;
                results.add(callers.submit(() -> commits.run(connection -> insert(connection, id, "lost"))));
            }
            for (Future<Integer> result : results) {
                ExecutionException thrown =
                        assertThrows(ExecutionException.class, () -> result.get(30, TimeUnit.SECONDS));
                assertEquals(SQLException.class, thrown.getCause().getClass());
            }
        }
        assertEquals(0, committedRows());
    }

    @Test
    void twoThreadsLockingOneSessionEachSeeTheOthersCommittedWork() throws Exception {
        try (GroupCommit commits = new GroupCommit(dataSource)) {
            assertEveryIncrementCounted(commits, commits);
        }
    }

    @Test
    void twoInstancesLockingOneSessionEachSeeTheOthersCommittedWork() throws Exception {
        Assumptions.assumeTrue(
                TestDatabase.isPostgres(), "one H2 file is open in one process: several instances need PostgreSQL");
        try (GroupCommit one = new GroupCommit(dataSource);
                GroupCommit other = new GroupCommit(dataSource)) {
            assertEveryIncrementCounted(one, other);
        }
    }

    /** Two threads, one on each of the commits given, increment one locked row; each increment sees the one before. */
    private void assertEveryIncrementCounted(GroupCommit first, GroupCommit second) throws Exception {
        int perThread = 200;
        List<Future<List<Integer>>> threads = new ArrayList<>();
        for (GroupCommit commits : List.of(first, second)) {
            threads.add(callers.submit(() -> {
                List<Integer> seen = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    seen.add(commits.run(connection -> increment(connection, 1)));
                }
                return seen;
            }));
        }
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> thread : threads) {
            all.addAll(thread.get(60, TimeUnit.SECONDS));
        }
        all.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 2 * perThread; i++) {
            expected.add(i);
        }
        assertEquals(expected, all, "every increment saw the one before it, none was lost or seen twice");
        assertEquals(2 * perThread, counter(1));
    }

    /**
     * Two instances, each with its own committer, whose groups lock two sessions in opposite orders: each group holds
     * the lock its first piece took while its second piece waits for the other's. The database breaks the deadlock by
     * failing one piece; that piece runs again after its group commits, so both callers of each instance succeed.
     */
    @Test
    void aDeadlockBetweenTwoInstancesGroupsIsBrokenAndTheFailedPieceRunsAgain() throws Exception {
        Assumptions.assumeTrue(
                TestDatabase.isPostgres(), "one H2 file is open in one process: several instances need PostgreSQL");
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondLocked = new CountDownLatch(1);
        try (GroupCommit one = new GroupCommit(dataSource);
                GroupCommit other = new GroupCommit(dataSource)) {
            List<Future<Integer>> pieces = new ArrayList<>();
            pieces.addAll(heldGroup(one, firstLocked, secondLocked, 1, 2));
            pieces.addAll(heldGroup(other, secondLocked, firstLocked, 2, 1));
            for (Future<Integer> piece : pieces) {
                piece.get(60, TimeUnit.SECONDS);
            }
        }
        assertEquals(2, counter(1));
        assertEquals(2, counter(2));
    }

    /**
     * Queues, as one group of {@code commits}, a piece that locks {@code first} and then one that waits for the other
     * instance to have locked its first row before locking {@code second}.
     */
    private List<Future<Integer>> heldGroup(
            GroupCommit commits, CountDownLatch locked, CountDownLatch otherLocked, int first, int second)
            throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> holder = callers.submit(() -> commits.run(connection -> {
            holding.countDown();
            awaitQuietly(release);
            return 0;
        }));
        holding.await(30, TimeUnit.SECONDS);
        Future<Integer> locking = callers.submit(() -> commits.run(connection -> {
            int value = increment(connection, first);
            locked.countDown();
            return value;
        }));
        awaitQueued(commits, 1);
        Future<Integer> waiting = callers.submit(() -> commits.run(connection -> {
            awaitQuietly(otherLocked);
            return increment(connection, second);
        }));
        awaitQueued(commits, 2);
        release.countDown();
        return List.of(holder, locking, waiting);
    }

    private static int increment(Connection connection, int id) throws SQLException {
        int value;
        try (PreparedStatement lock = connection.prepareStatement("SELECT n FROM counters WHERE id = ? FOR UPDATE")) {
            lock.setInt(1, id);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                value = rows.getInt(1) + 1;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE counters SET n = ? WHERE id = ?")) {
            update.setInt(1, value);
            update.setInt(2, id);
            update.executeUpdate();
        }
        return value;
    }

    private int counter(int id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT n FROM counters WHERE id = ?")) {
            read.setInt(1, id);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void afterCloseNoWorkIsTaken() {
        GroupCommit commits = new GroupCommit(dataSource);
        commits.close();
        assertThrows(SQLException.class, () -> commits.run(connection -> insert(connection, 1, "late")));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static int insert(Connection connection, int id, String caller) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (id, caller) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, caller);
            insert.executeUpdate();
        }
        return id;
    }

    private int committedRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM notes")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private List<Integer> idsWhere(String condition) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM notes WHERE " + condition)) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    /** Waits until {@code count} callers wait in the queue (the committer is held by another caller's work). */
    private static void awaitQueued(GroupCommit commits, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commits.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, commits.waiting(), "callers queued behind the held committer");
    }

    /** Connections from {@code real} whose commit always fails, as a full disk would make it. */
    private static DataSource failingCommits(DataSource real) {
        return watched(real, method -> {
            if (method.equals("commit")) {
                throw new SQLException("disk full");
            }
        });
    }

    /** What a watched connection is asked to do, by the name of the method; it may throw instead. */
    private interface Watcher {
        void called(String method) throws SQLException;
    }

    /** Connections from {@code real} that tell {@code watcher} of every call before they make it. */
    private static DataSource watched(DataSource real, Watcher watcher) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = real.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            watcher.called(method.getName());
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException thrown) {
                                throw thrown.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String user, String password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
