package reviewcoach.slack.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.service.Installation;
import reviewcoach.store.JdbcInstallations;
import reviewcoach.testing.SettableClock;
import reviewcoach.testing.TestDatabase;

class StoredInstallationsTest {

    private static final Instant INSTALLED = Instant.parse("2026-12-01T15:00:00Z");
    private static final String TOKEN = "xoxb-1111-2222-secretsecret";

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcInstallations installations;
    private StoredInstallations stored;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        installations = new JdbcInstallations(dataSource);
        stored = new StoredInstallations(installations, new SettableClock(INSTALLED.plusSeconds(3600)));
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void anOAuthInstallIsKeptAsTheWorkspacesInstallation() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());

        Installation kept = installations.find("T0ONE").orElseThrow();
        assertEquals(
                new Installation("T0ONE", null, TOKEN, "U0BOT", "B0BOT", "chat:write,commands", "U0ALICE", INSTALLED),
                kept);
    }

    @Test
    void theBotIsFoundByWorkspaceWithOrWithoutItsOrganization() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());

        Bot bot = stored.findBot(null, "T0ONE");
        assertEquals(TOKEN, bot.getBotAccessToken());
        assertEquals("U0BOT", bot.getBotUserId());
        assertEquals("B0BOT", bot.getBotId());
        assertEquals("chat:write,commands", bot.getBotScope());
        assertEquals(INSTALLED.toEpochMilli(), bot.getInstalledAt());
        assertNull(bot.getBotRefreshToken());
        assertFalse(bot.getIsEnterpriseInstall());

        Bot sinceJoiningAGrid = stored.findBot("E0GRID", "T0ONE");
        assertEquals(TOKEN, sinceJoiningAGrid.getBotAccessToken());
        assertEquals("E0GRID", sinceJoiningAGrid.getEnterpriseId());
    }

    @Test
    void noBotIsFoundForAnotherWorkspaceOrForNoWorkspace() {
        stored.saveInstallerAndBot(install("T0ONE", "E0GRID").build());

        assertNull(stored.findBot("E0GRID", "T0TWO"));
        assertNull(stored.findBot("E0GRID", null));
    }

    @Test
    void aReinstallReplacesTheBot() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());
        stored.saveInstallerAndBot(
                install("T0ONE", null).botAccessToken("xoxb-new").build());

        assertEquals("xoxb-new", stored.findBot(null, "T0ONE").getBotAccessToken());
    }

    @Test
    void anInstallWithoutATimeIsStampedByTheClock() {
        stored.saveInstallerAndBot(install("T0ONE", null).installedAt(null).build());

        assertEquals(
                INSTALLED.plusSeconds(3600),
                installations.find("T0ONE").orElseThrow().installedAt());
    }

    @Test
    void anOrgWideInstallIsRefusedAndNothingIsKept() {
        DefaultInstaller orgWide =
                install(null, "E0GRID").isEnterpriseInstall(true).build();

        InstallRefused refused = assertThrows(InstallRefused.class, () -> stored.saveInstallerAndBot(orgWide));

        assertTrue(refused.getMessage().contains("org-wide"), refused.getMessage());
        assertNull(stored.findBot("E0GRID", null));
    }

    @Test
    void anInstallWithTokenRotationOrWithoutABotIsRefused() {
        assertThrows(
                InstallRefused.class,
                () -> stored.saveInstallerAndBot(
                        install("T0ONE", null).botRefreshToken("xoxe-1-refresh").build()));
        assertThrows(
                IllegalArgumentException.class,
                () -> stored.saveInstallerAndBot(
                        install("T0ONE", null).botAccessToken(null).build()));

        assertEquals(Optional.empty(), installations.find("T0ONE"));
    }

    @Test
    void theInstallerIsFoundForTheUserWhoInstalledWithoutAUserToken() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());

        Installer installer = stored.findInstaller(null, "T0ONE", "U0ALICE");
        assertNotNull(installer);
        assertEquals(TOKEN, installer.getBotAccessToken());
        assertNull(installer.getInstallerUserAccessToken());
        assertNull(stored.findInstaller(null, "T0ONE", "U0BOB"));
        assertNull(stored.findInstaller(null, "T0TWO", "U0ALICE"));
    }

    @Test
    void deletingTheInstallerKeepsTheBot() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());

        stored.deleteInstaller(stored.findInstaller(null, "T0ONE", "U0ALICE"));

        assertNotNull(stored.findBot(null, "T0ONE"));
    }

    @Test
    void deletingTheBotOrEverythingForgetsOnlyThatWorkspace() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());
        stored.saveInstallerAndBot(install("T0TWO", null).build());
        stored.saveInstallerAndBot(install("T0THREE", null).build());

        stored.deleteBot(stored.findBot(null, "T0ONE"));
        stored.deleteAll(null, "T0TWO");
        stored.deleteAll("E0GRID", null);

        assertNull(stored.findBot(null, "T0ONE"));
        assertNull(stored.findBot(null, "T0TWO"));
        assertNotNull(stored.findBot(null, "T0THREE"));
    }

    @Test
    void aBotSavedAgainKeepsTheWorkspacesInstaller() {
        stored.saveInstallerAndBot(install("T0ONE", null).build());
        Bot bot = stored.findBot(null, "T0ONE");
        bot.setBotAccessToken("xoxb-again");

        stored.saveBot(bot);

        Installation kept = installations.find("T0ONE").orElseThrow();
        assertEquals("xoxb-again", kept.botToken());
        assertEquals("U0ALICE", kept.installer());
        assertEquals("chat:write,commands", kept.scopes());
    }

    @Test
    void noHistoryIsKept() {
        assertFalse(stored.isHistoricalDataEnabled());
        stored.setHistoricalDataEnabled(false);
        assertThrows(UnsupportedOperationException.class, () -> stored.setHistoricalDataEnabled(true));
    }

    /** An installer as Bolt's OAuth v2 success handler builds it from {@code oauth.v2.access}. */
    private static DefaultInstaller.DefaultInstallerBuilder install(String team, String enterprise) {
        return DefaultInstaller.builder()
                .appId("A0APP")
                .enterpriseId(enterprise)
                .teamId(team)
                .isEnterpriseInstall(false)
                .tokenType("bot")
                .installerUserId("U0ALICE")
                .botId("B0BOT")
                .botUserId("U0BOT")
                .botScope("chat:write,commands")
                .botAccessToken(TOKEN)
                .installedAt(INSTALLED.toEpochMilli());
    }
}
