package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
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
import reviewcoach.testing.TestDatabase;

/** Which outcomes {@link SessionService} logs at INFO: a session's progress, not every message written in it. */
class SessionServiceLoggingTest {

    private static final Contribution LINE = new Contribution(
            "1700000000.000200", Step.THOUGHT, "U1", "This will ruin us.", null, Instant.parse("2026-12-03T09:00:00Z"));
    private static final String THREAD = "1700000000.000100";

    @TempDir
    Path folder;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SessionService.class);
    private Level levelBefore;

    @BeforeEach
    void open() {
        database = TestDatabase.create(folder);
        dataSource = database.open();
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void close() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
        dataSource.close();
        database.close();
    }

    /** A contribution's line is DEBUG; the step it moves on to is INFO. */
    @Test
    void aContributionIsLoggedAtDebugAndAStepAtInfo() {
        JdbcSessionStore store = new JdbcSessionStore(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
        SessionService sessions = new SessionService(
                store,
                new Dialogue(CoachingRules.forPractice(PracticeType.GENERAL)),
                clock,
                () -> {},
                Policy.defaults());
        Session session = sessions.start(new StartRequest(
                "T1", "C1", "U1", new Review("The wait was long and nobody called.", null, null), null));
        store.inTransaction(tx -> {
            tx.save(session.openedIn("C1", THREAD));
            return null;
        });

        Optional<Outcome> written = sessions.onReply(new ThreadMessage(
                "T1", "Ev1", "C1", THREAD, "U2", "The review says we kept them waiting.", "1700000000.000200"));
        sessions.onButton("T1", session.id(), "C1", new Input.Advance("U1", Optional.of(Step.CIRCUMSTANCE)));

        assertTrue(written.orElseThrow() instanceof Outcome.Recorded, written.toString());
        List<String> info = messagesAt(Level.INFO);
        assertFalse(info.stream().anyMatch(line -> line.contains("outcome=Recorded")), info.toString());
        assertTrue(info.contains("session=" + session.id() + " outcome=Moved"), info.toString());
        assertEquals(List.of("session=" + session.id() + " outcome=Recorded"), messagesAt(Level.DEBUG));
    }

    @Test
    void aSessionsProgressIsLoggedAtInfo() {
        assertTrue(SessionService.isProgress(new Outcome.Moved(Step.CIRCUMSTANCE, Step.THOUGHT)));
        assertTrue(SessionService.isProgress(new Outcome.Finished(Step.THOUGHT)));
        assertTrue(SessionService.isProgress(new Outcome.Picked(LINE, Optional.of(Step.FEELING))));
        assertTrue(SessionService.isProgress(new Outcome.Rated(LINE, 4, Optional.empty())));
    }

    /** A busy office writes these by the hundred; at INFO each was a write to standard output on a request thread. */
    @Test
    void eachMessageWrittenEditedOrDeletedIsLoggedAtDebugOnly() {
        assertFalse(SessionService.isProgress(new Outcome.Recorded(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Cared(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Revised(LINE, LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Withdrawn(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.PickNeeded(List.of(LINE))));
        assertFalse(SessionService.isProgress(new Outcome.RatingNeeded(LINE)));
        assertFalse(SessionService.isProgress(new Outcome.Unchanged(Outcome.Reason.SAME_TEXT)));
    }

    private List<String> messagesAt(Level level) {
        return lines.list.stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
