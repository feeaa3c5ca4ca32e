package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.config.Policy;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.Input;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.store.JdbcOutbox;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.testing.RecordingHandover;
import reviewcoach.testing.TestDatabase;

/**
 * A line accepted in a session owes only its reaction, which the store hands straight to the courier: the courier is
 * not woken to look for it in the outbox. Anything else owed still wakes it.
 */
class ReactionHandOverTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final String THREAD = "1700000000.000100";

    @TempDir
    Path folder;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private final AtomicInteger wakes = new AtomicInteger();
    private final RecordingHandover hand = new RecordingHandover(10);
    private SessionService sessions;
    private Session session;

    @BeforeEach
    void open() {
        database = TestDatabase.create(folder);
        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);
        sessions = new SessionService(
                store,
                new Dialogue(CoachingRules.forPractice(PracticeType.GENERAL)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                wakes::incrementAndGet,
                Policy.defaults());
        session = sessions.start(new StartRequest(
                "T1", "C1", "U1", new Review("The wait was long and nobody called.", null, null), null));
        store.inTransaction(tx -> {
            tx.save(session.openedIn("C1", THREAD));
            return null;
        });
        wakes.set(0);
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    @Test
    void anAcceptedLinesReactionIsHandedToTheCourierWithoutWakingIt() {
        store.handReactionsTo(new JdbcOutbox(dataSource, "courier-1", Duration.ofMinutes(2)), hand);

        Optional<Outcome> written = sessions.onReply(new ThreadMessage(
                "T1", "Ev1", "C1", THREAD, "U2", "The review says we kept them waiting.", "1700000000.000200"));

        assertTrue(written.orElseThrow() instanceof Outcome.Recorded, written.toString());
        assertEquals(0, wakes.get(), "nothing waits in the outbox");
        assertEquals(1, hand.taken().size());
        assertEquals(DeliveryKind.ACKNOWLEDGE, hand.taken().get(0).delivery().kind());
        assertEquals("1700000000.000200", hand.taken().get(0).delivery().subject());

        sessions.onButton("T1", session.id(), "C1", new Input.Advance("U1", Optional.of(Step.CIRCUMSTANCE)));
        assertEquals(1, wakes.get(), "the next step's prompt waits in the outbox: the courier is woken");
        assertEquals(1, hand.taken().size());
    }

    @Test
    void withoutACourierToHandItToTheReactionWaitsInTheOutboxAndWakesIt() {
        sessions.onReply(new ThreadMessage(
                "T1", "Ev1", "C1", THREAD, "U2", "The review says we kept them waiting.", "1700000000.000200"));

        assertEquals(1, wakes.get());
        assertEquals(List.of(), hand.taken());
    }
}
