package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.config.Policy;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.testing.TestDatabase;

/**
 * A line in a session's thread tells the store the claim it makes first (its event, with its session's lock), so that
 * a store can make it ahead, together with other lines' ({@code SessionStore.inEventTransaction}).
 */
class LineClaimTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final String THREAD = "1700000000.000100";

    @TempDir
    Path folder;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private final List<List<Object>> eventTransactions = new ArrayList<>();

    @BeforeEach
    void open() {
        database = TestDatabase.create(folder);
        dataSource = database.open();
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    @Test
    void aLineSaysItsEventAndSessionBeforeItsTransaction() {
        JdbcSessionStore real = new JdbcSessionStore(dataSource);
        SessionService sessions = new SessionService(
                watched(real),
                new Dialogue(CoachingRules.forPractice(PracticeType.GENERAL)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                () -> {},
                Policy.defaults());
        Session session = sessions.start(new StartRequest(
                "T1", "C1", "U1", new Review("The wait was long and nobody called.", null, null), null));
        real.inTransaction(tx -> {
            tx.save(session.openedIn("C1", THREAD));
            return null;
        });
        ThreadMessage line = new ThreadMessage(
                "T1", "Ev1", "C1", THREAD, "U2", "The review says we kept them waiting.", "1700000000.000200");

        Optional<Outcome> written = sessions.onReply(line);

        assertTrue(written.orElseThrow() instanceof Outcome.Recorded, written.toString());
        assertEquals(List.of(List.of(line.eventKey(), NOW, session.id())), eventTransactions);
        assertEquals(1, real.contributions(session.id()).size());
    }

    /** The store, noting the event, time and session of each {@code inEventTransaction}. */
    private SessionStore watched(SessionStore store) {
        return (SessionStore) Proxy.newProxyInstance(
                SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("inEventTransaction")) {
                        eventTransactions.add(List.of(args[0], args[1], args[2]));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }
}
