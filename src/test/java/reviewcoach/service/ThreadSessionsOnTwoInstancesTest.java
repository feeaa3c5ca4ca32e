package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.config.Policy;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.Input;
import reviewcoach.dialogue.Outcome;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.testing.MutableClock;
import reviewcoach.testing.TestDatabase;

/**
 * Two services on one database, as two instances behind one load balancer: each looks a busy thread's session up once
 * ({@link ThreadSessions}), and what it keeps never decides what a line does once the other has moved the session on or
 * deleted it.
 */
class ThreadSessionsOnTwoInstancesTest {

    private static final String THREAD = "1700000000.000100";
    private static final Dialogue DIALOGUE = new Dialogue(CoachingRules.forPractice(PracticeType.GENERAL));
    /** Questioned as a circumstance (not a neutral fact), fine as a thought. */
    private static final String JUDGMENT = "They were rude to us.";

    @TempDir
    Path folder;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private SessionService here;
    private SessionService elsewhere;
    private Session session;
    private int messages;

    @BeforeEach
    void open() {
        database = TestDatabase.create(folder);
        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);
        here = service();
        elsewhere = service();
        session = here.start(new StartRequest(
                "T1", "C1", "U1", new Review("The wait was long and nobody called.", null, null), null));
        store.inTransaction(tx -> {
            tx.save(session.openedIn("C1", THREAD));
            return null;
        });
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    @Test
    void aLineWrittenAfterTheStepMovedElsewhereIsReadAtTheNewStep() {
        assertEquals(
                Step.CIRCUMSTANCE,
                recorded(here.onReply(line("The review says we kept them waiting.")))
                        .step());

        elsewhere.onButton("T1", session.id(), "C1", new Input.Advance("U1", Optional.of(Step.CIRCUMSTANCE)));
        Contribution thought = recorded(here.onReply(line(JUDGMENT)));
        Contribution next = recorded(here.onReply(line("Nobody will trust us again.")));

        assertTrue(
                DIALOGUE.assess(Step.CIRCUMSTANCE, JUDGMENT).isPresent(), "a judgment, questioned in a circumstance");
        assertEquals(Step.THOUGHT, thought.step());
        assertEquals(DIALOGUE.assess(Step.THOUGHT, JUDGMENT), Optional.ofNullable(thought.concern()));
        assertEquals(Step.THOUGHT, next.step());
    }

    @Test
    void aBusyThreadsSessionIsLookedUpOnce() {
        JdbcSessionStore counted = spy(store);
        SessionService service = new SessionService(counted, DIALOGUE, clock, () -> {}, Policy.defaults());

        recorded(service.onReply(line("The review says we kept them waiting.")));
        recorded(service.onReply(line("It was posted on Tuesday.")));
        recorded(service.onReply(line("It gives us one star.")));

        verify(counted, times(1)).findByThread("C1", THREAD);
        assertEquals(3, store.contributions(session.id()).size());
    }

    @Test
    void aSessionDeletedElsewhereTakesNoMoreLines() {
        recorded(here.onReply(line("The review says we kept them waiting.")));

        assertEquals(
                Deletion.Result.DELETED,
                elsewhere.delete("T1", session.id(), "U1").result());
        Optional<Outcome> after = here.onReply(line("This will ruin our reputation."));

        assertTrue(after.isEmpty(), after.toString());
        assertTrue(store.contributions(session.id()).isEmpty());
        assertTrue(store.findByThread("C1", THREAD).isEmpty());
    }

    private SessionService service() {
        return new SessionService(store, DIALOGUE, clock, () -> {}, Policy.defaults());
    }

    private ThreadMessage line(String text) {
        messages++;
        String ts = "1700000000.0002" + String.format("%02d", messages);
        return new ThreadMessage("T1", "Ev" + messages, "C1", THREAD, "U2", text, ts);
    }

    private static Contribution recorded(Optional<Outcome> outcome) {
        assertTrue(outcome.orElseThrow() instanceof Outcome.Recorded, outcome.toString());
        return ((Outcome.Recorded) outcome.get()).contribution();
    }
}
