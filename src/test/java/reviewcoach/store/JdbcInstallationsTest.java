package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.service.Installation;
import reviewcoach.testing.AllAtOnce;
import reviewcoach.testing.TestDatabase;

class JdbcInstallationsTest {

    private static final Instant INSTALLED = Instant.parse("2026-12-01T15:00:00Z");
    private static final String TOKEN = "xoxb-1111-2222-secretsecret";

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcInstallations installations;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        installations = new JdbcInstallations(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void anInstallationIsFoundAsItWasSaved() {
        Installation saved = installation("T0ONE", TOKEN, INSTALLED);
        installations.save(saved);

        assertEquals(Optional.of(saved), installations.find("T0ONE"));
        assertEquals(Optional.empty(), installations.find("T0OTHER"));
    }

    @Test
    void aReinstallReplacesTheWorkspacesInstallation() {
        installations.save(installation("T0ONE", TOKEN, INSTALLED));
        Installation again = new Installation(
                "T0ONE", null, "xoxb-new", "U0BOT2", "B0BOT2", "chat:write", null, INSTALLED.plusSeconds(60));

        installations.save(again);

        assertEquals(Optional.of(again), installations.find("T0ONE"));
    }

    @Test
    void removingForgetsOnlyThatWorkspaceAndSaysWhetherThereWasOne() {
        installations.save(installation("T0ONE", TOKEN, INSTALLED));
        installations.save(installation("T0TWO", TOKEN, INSTALLED));

        assertTrue(installations.remove("T0ONE"));
        assertFalse(installations.remove("T0ONE"));
        assertEquals(Optional.empty(), installations.find("T0ONE"));
        assertTrue(installations.find("T0TWO").isPresent());
    }

    @Test
    void concurrentFirstInstallsOfOneWorkspaceLeaveOneOfThem() throws Exception {
        AtomicInteger next = new AtomicInteger();
        Set<String> tokens = AllAtOnce.run(8, () -> {
                    String token = "xoxb-racer-" + next.incrementAndGet();
                    installations.save(installation("T0RACE", token, INSTALLED));
                    return token;
                })
                .stream()
                .collect(Collectors.toSet());

        String kept = installations.find("T0RACE").orElseThrow().botToken();
        assertTrue(tokens.contains(kept), kept);
    }

    @Test
    void aSaveThatLosesTheFirstInsertToAnotherInstanceUpdatesItsRowInstead() throws Exception {
        CompletableFuture<Void> second;
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement insert = otherInstance.prepareStatement("INSERT INTO installations (workspace,"
                    + " bot_token, installed_at) VALUES ('T0RACE', 'xoxb-first', CURRENT_TIMESTAMP)")) {
                insert.executeUpdate();
            }
            second = CompletableFuture.runAsync(
                    () -> installations.save(installation("T0RACE", "xoxb-second", INSTALLED)));
            Thread.sleep(300); // the save finds no row to update, and its insert waits for the other's
            otherInstance.commit();
        }
        second.get(15, TimeUnit.SECONDS);

        assertEquals("xoxb-second", installations.find("T0RACE").orElseThrow().botToken());
    }

    @Test
    void theTokenNeverShowsInTextAboutAnInstallation() {
        installations.save(installation("T0ONE", TOKEN, INSTALLED));

        String shown = installations.find("T0ONE").orElseThrow().toString();

        assertFalse(shown.contains(TOKEN), shown);
        assertTrue(shown.contains("T0ONE"), shown);
    }

    @Test
    void aTokenTooLongToKeepIsRefusedWithoutRepeatingIt() {
        String tooLong = "xoxb-" + "x".repeat(JdbcInstallations.LONGEST_TOKEN);

        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> installations.save(installation("T0ONE", tooLong, INSTALLED)));

        assertFalse(refused.getMessage().contains(tooLong));
        assertEquals(Optional.empty(), installations.find("T0ONE"));
    }

    private static Installation installation(String workspace, String token, Instant at) {
        return new Installation(workspace, "E0GRID", token, "U0BOT", "B0BOT", "chat:write,commands", "U0ALICE", at);
    }
}
