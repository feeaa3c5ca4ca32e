package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.service.OfficeSettings;
import reviewcoach.testing.TestDatabase;

class JdbcOfficeSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcOfficeSettings store;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        store = new JdbcOfficeSettings(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void settingsAreFoundAsTheyWereSaved() {
        OfficeSettings chosen =
                new OfficeSettings("C0SUMMARY", Set.of("U0BOSS", "S0LEADS", "U0OWNER"), PracticeType.HEALTHCARE);

        store.save("T0ONE", chosen, "U0BOSS", NOW);

        assertEquals(Optional.of(chosen), store.find("T0ONE"));
        assertEquals(Optional.empty(), store.find("T0OTHER"));
    }

    @Test
    void noManagersAndNoSummaryChannelAreKeptAsSuch() {
        OfficeSettings none = new OfficeSettings(null, Set.of(), PracticeType.GENERAL);

        store.save("T0ONE", none, null, NOW);

        assertEquals(Optional.of(none), store.find("T0ONE"));
    }

    @Test
    void savingAgainReplacesTheWorkspacesSettings() {
        store.save("T0ONE", new OfficeSettings("C0SUMMARY", Set.of("U0BOSS"), PracticeType.GENERAL), "U0BOSS", NOW);
        OfficeSettings changed = new OfficeSettings(null, Set.of(), PracticeType.HEALTHCARE);

        store.save("T0ONE", changed, "U0OWNER", NOW.plusSeconds(60));

        assertEquals(Optional.of(changed), store.find("T0ONE"));
    }

    @Test
    void removingForgetsOnlyThatWorkspace() {
        OfficeSettings chosen = new OfficeSettings("C0SUMMARY", Set.of("U0BOSS"), PracticeType.GENERAL);
        store.save("T0ONE", chosen, "U0BOSS", NOW);
        store.save("T0TWO", chosen, "U0BOSS", NOW);

        store.remove("T0ONE");
        store.remove("T0ONE");

        assertEquals(Optional.empty(), store.find("T0ONE"));
        assertEquals(Optional.of(chosen), store.find("T0TWO"));
    }

    @Test
    void aManagerThatWouldNotReadBackWholeIsRefused() {
        OfficeSettings broken = new OfficeSettings(null, Set.of("U0ONE,U0TWO"), PracticeType.GENERAL);

        assertThrows(IllegalArgumentException.class, () -> store.save("T0ONE", broken, "U0BOSS", NOW));
        assertEquals(Optional.empty(), store.find("T0ONE"));
    }
}
