package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.store.JdbcSessionStore;
import reviewcoach.store.JdbcTeamActivity;
import reviewcoach.summary.PeriodPicture;
import reviewcoach.summary.Tally;
import reviewcoach.testing.MutableClock;
import reviewcoach.testing.TestDatabase;

/**
 * Two instances on one database each keep the month's earlier days counted ({@link MonthPicture}); what one takes back
 * from an earlier day (a session deleted, a line edited) leaves the other's picture at its next drawing.
 */
class MonthPictureOnTwoInstancesTest {

    private static final String TEAM = "T1";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcSessionStore store;
    private HomeService here;
    private Session yesterdays;

    @BeforeEach
    void open() {
        database = TestDatabase.create(folder);
        dataSource = database.open();
        store = new JdbcSessionStore(dataSource);
        here = new HomeService(
                new JdbcTeamActivity(dataSource), clock, ZoneOffset.UTC, Runnable::run, HomeService.FIRST_PICTURE_WAIT);
        yesterdays = startWithFeeling("anxious");
        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        startWithFeeling("hurt");
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    @Test
    void aSessionDeletedElsewhereLeavesThePictureAtItsNextDrawing() {
        assertEquals(2, picture().started());
        assertEquals(List.of("anxious", "hurt"), feelingsBefore());

        store.inTransaction(
                tx -> { // the other instance, deleting yesterday's session
                    tx.deleteSession(yesterdays.id());
                    return null;
                });
        clock.advance(Duration.ofSeconds(61));

        assertEquals(1, picture().started());
        assertEquals(List.of("hurt"), feelingsBefore());
    }

    @Test
    void aLineEditedElsewhereIsCountedOnceWithItsNewWords() {
        assertEquals(List.of("anxious", "hurt"), feelingsBefore());

        store.inTransaction(tx -> {
            tx.replaceContribution(
                    yesterdays.id(),
                    new Contribution("m" + yesterdays.id(), Step.FEELING, "U1", "Embarrassed", null, clock.instant()));
            return null;
        });
        clock.advance(Duration.ofSeconds(61));

        assertEquals(List.of("embarrassed", "hurt"), feelingsBefore());
        assertEquals(2, picture().started());
    }

    /** This instance's home: the first call after the picture went stale draws it again (at once, here). */
    private PeriodPicture picture() {
        here.homeFor(TEAM, "U9");
        return here.homeFor(TEAM, "U9").picture().orElseThrow();
    }

    private List<String> feelingsBefore() {
        return picture().feelingsBefore().stream().map(Tally::label).toList();
    }

    private Session startWithFeeling(String feeling) {
        return store.inTransaction(tx -> {
            Session created =
                    tx.createSession(TEAM, "C1", "U1", Review.of("The wait was long."), null, clock.instant());
            Session opened = created.openedIn("1700000000." + created.id());
            tx.save(opened);
            tx.addContribution(
                    created.id(),
                    new Contribution("m" + created.id(), Step.FEELING, "U1", feeling, null, clock.instant()));
            return opened;
        });
    }
}
