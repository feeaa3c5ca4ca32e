package reviewcoach.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.summary.WeeklySchedule;

class SettingsTest {

    private static final String SECRET = "8f742231b10e8888abcd99aaabbb85a5";
    private static final String TOKEN = "xoxb-1234-5678-abcdef";
    private static final String APP_TOKEN = "xapp-1-A0123-4567-abcdef";

    @TempDir
    Path directory;

    private static Map<String, String> required() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLACK_SIGNING_SECRET", SECRET);
        environment.put("SLACK_BOT_TOKEN", TOKEN);
        return environment;
    }

    @Test
    void appliesTheDocumentedDefaults() {
        Settings settings = Settings.from(required(), directory);

        assertEquals(3000, settings.port());
        assertEquals("jdbc:h2:file:./data/review-coach", settings.databaseUrl());
        assertEquals("https://slack.com/api/", settings.slackApiUrl());
        assertTrue(settings.summaryChannelIfSet().isEmpty());
    }

    @Test
    void readsDotEnvButTheEnvironmentWins() throws IOException {
        Files.writeString(
                directory.resolve(".env"),
                "SLACK_SIGNING_SECRET=" + SECRET + "\nSLACK_BOT_TOKEN=" + TOKEN
                        + "\nPORT=4000\nSUMMARY_CHANNEL=C0FILE\n");

        Settings settings = Settings.from(Map.of("PORT", "5000"), directory);

        assertEquals(5000, settings.port());
        assertEquals("C0FILE", settings.summaryChannel());
        assertEquals(TOKEN, settings.botToken());
    }

    @Test
    void theLogLevelComesFromDotEnvTooSoThatLoggingCanBeSetBeforeItStarts() throws IOException {
        assertEquals("INFO", Settings.logLevelFrom(Map.of(), directory), "INFO when set nowhere");

        Files.writeString(directory.resolve(".env"), "LOG_LEVEL=warn\n");
        assertEquals("WARN", Settings.logLevelFrom(Map.of(), directory));
        assertEquals("DEBUG", Settings.logLevelFrom(Map.of("LOG_LEVEL", "DEBUG"), directory), "the environment wins");

        SettingsException refused = assertThrows(
                SettingsException.class, () -> Settings.logLevelFrom(Map.of("LOG_LEVEL", "LOUD"), directory));
        assertTrue(refused.getMessage().startsWith("LOG_LEVEL must be one of"), refused.getMessage());
    }

    @Test
    void aMissingSecretNamesTheVariableAndWhereToFindIt() {
        Map<String, String> environment = required();
        environment.remove("SLACK_SIGNING_SECRET");

        SettingsException missing = assertThrows(SettingsException.class, () -> Settings.from(environment, directory));

        assertTrue(missing.getMessage().startsWith("SLACK_SIGNING_SECRET is not set"), missing.getMessage());
        assertTrue(missing.getMessage().contains("Basic Information"), missing.getMessage());
    }

    @Test
    void malformedSettingsAreRefusedWithTheFix() {
        Map<String, String> cases = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", "xoxp-user-token",
                "PORT", "eighty",
                "DATABASE_URL", "postgres://localhost/x",
                "SUMMARY_CHANNEL", "#managers",
                "SLACK_API_URL", "not a url",
                "MAX_REVIEW_LENGTH", "200000",
                "RETENTION_DAYS", "-3",
                "REDACT_PII", "maybe",
                "MANAGERS", "boss",
                "PRACTICE_TYPE", "bakery"));
        cases.putAll(Map.of("DIGEST_DAY", "Someday", "DIGEST_HOUR", "25", "DIGEST_TIME_ZONE", "Mars/Olympus"));
        cases.forEach((name, value) -> {
            Map<String, String> environment = required();
            environment.put(name, value);
            SettingsException refused =
                    assertThrows(SettingsException.class, () -> Settings.from(environment, directory), name);
            assertTrue(refused.getMessage().startsWith(name), refused.getMessage());
            assertFalse(refused.getMessage().contains(TOKEN), "never prints a secret");
        });
    }

    @Test
    void theExampleFileListsEverySettingTheAppReadsAndItsDefaultsStart() throws IOException {
        String example = Files.readString(Path.of(".env.example"));
        for (String name : List.of(
                "SLACK_SIGNING_SECRET",
                "SLACK_BOT_TOKEN",
                "PORT",
                "DATABASE_URL",
                "DATABASE_USER",
                "DATABASE_PASSWORD",
                "SUMMARY_CHANNEL",
                "MANAGERS",
                "PRACTICE_TYPE",
                "MAX_REVIEW_LENGTH",
                "REDACT_PII",
                "RETENTION_DAYS",
                "LOG_LEVEL",
                "DIGEST_DAY",
                "DIGEST_HOUR",
                "DIGEST_TIME_ZONE",
                "SLACK_API_URL",
                "SLACK_APP_TOKEN",
                "SLACK_CLIENT_ID",
                "SLACK_CLIENT_SECRET",
                "SLACK_STATE_SECRET",
                "SLACK_REDIRECT_URI")) {
            assertTrue(example.contains("\n" + name + "="), name + " is documented in .env.example");
        }
        Files.writeString(
                directory.resolve(".env"),
                example.replace("SLACK_SIGNING_SECRET=", "SLACK_SIGNING_SECRET=" + SECRET)
                        .replace("SLACK_BOT_TOKEN=", "SLACK_BOT_TOKEN=" + TOKEN));

        Settings settings = Settings.from(Map.of(), directory);

        assertEquals(Settings.from(required(), Path.of("/nonexistent")), settings, "the example holds the defaults");
    }

    @Test
    void anAppLevelTokenSwitchesOnSocketModeAndTheSigningSecretBecomesOptional() {
        Map<String, String> environment = required();
        environment.remove("SLACK_SIGNING_SECRET");
        environment.put("SLACK_APP_TOKEN", APP_TOKEN);

        Settings settings = Settings.from(environment, directory);

        assertTrue(settings.socketMode());
        assertEquals(APP_TOKEN, settings.appToken());
        assertEquals(null, settings.signingSecret(), "no HTTP endpoint without a signing secret");
        assertFalse(Settings.from(required(), directory).socketMode(), "without SLACK_APP_TOKEN: HTTP, as before");
    }

    @Test
    void inSocketModeASigningSecretThatIsSetIsStillChecked() {
        Map<String, String> environment = required();
        environment.put("SLACK_APP_TOKEN", APP_TOKEN);
        environment.put("SLACK_SIGNING_SECRET", "short");

        SettingsException refused = assertThrows(SettingsException.class, () -> Settings.from(environment, directory));

        assertTrue(refused.getMessage().startsWith("SLACK_SIGNING_SECRET"), refused.getMessage());
    }

    @Test
    void anAppTokenThatIsNotAppLevelIsRefusedWithWhereToGetOne() {
        Map<String, String> environment = required();
        environment.put("SLACK_APP_TOKEN", TOKEN);

        SettingsException refused = assertThrows(SettingsException.class, () -> Settings.from(environment, directory));

        assertTrue(refused.getMessage().startsWith("SLACK_APP_TOKEN must be an app-level token starting with xapp-"));
        assertTrue(refused.getMessage().contains("Basic Information > App-Level Tokens"), refused.getMessage());
        assertTrue(refused.getMessage().contains("connections:write"), refused.getMessage());
        assertFalse(refused.getMessage().contains(TOKEN), "never prints a secret");
    }

    @Test
    void readsTheDigestScheduleAndDefaultsToMondayAtNineUtc() {
        assertEquals(
                WeeklySchedule.standard(), Settings.from(required(), directory).digestSchedule());
        Map<String, String> environment = required();
        environment.put("DIGEST_DAY", "fri");
        environment.put("DIGEST_HOUR", "16");
        environment.put("DIGEST_TIME_ZONE", "Europe/Berlin");

        WeeklySchedule schedule = Settings.from(environment, directory).digestSchedule();

        assertEquals(new WeeklySchedule(DayOfWeek.FRIDAY, 16, ZoneId.of("Europe/Berlin")), schedule);
        SettingsException refused = assertThrows(SettingsException.class, () -> {
            Map<String, String> wrong = required();
            wrong.put("DIGEST_TIME_ZONE", "Berlin");
            Settings.from(wrong, directory);
        });
        assertTrue(refused.getMessage().contains("Europe/Berlin"), "names a zone that works: " + refused.getMessage());
    }

    @Test
    void readsThePolicySettings() {
        Map<String, String> environment = required();
        environment.put("MANAGERS", "U0BOSS, U0LEAD");
        environment.put("REDACT_PII", "true");
        environment.put("RETENTION_DAYS", "30");
        environment.put("MAX_REVIEW_LENGTH", "5000");

        Policy policy = Settings.from(environment, directory).policy();

        assertEquals(new Policy(5000, true, 30, Set.of("U0BOSS", "U0LEAD")), policy);
        assertTrue(policy.isManager("U0LEAD"));
    }

    @Test
    void managersMayBeAUserGroup() {
        Map<String, String> environment = required();
        environment.put("MANAGERS", "S0LEADS,U0BOSS");

        Policy policy = Settings.from(environment, directory).policy();

        assertEquals(Set.of("S0LEADS", "U0BOSS"), policy.managers());
    }

    @Test
    void neverShowsSecretsWhenPrinted() {
        Map<String, String> environment = required();
        environment.put("DATABASE_URL", "jdbc:postgresql://db/rc?user=rc&password=hunter2");
        environment.put("DATABASE_PASSWORD", "hunter3");
        environment.put("SLACK_APP_TOKEN", APP_TOKEN);

        String printed = Settings.from(environment, directory).toString();

        assertFalse(printed.contains(SECRET));
        assertFalse(printed.contains(TOKEN));
        assertFalse(printed.contains("hunter2"));
        assertFalse(printed.contains("hunter3"));
        assertFalse(printed.contains(APP_TOKEN));
    }

    @Test
    void theThreeOAuthSettingsInstallToManyWorkspacesWithoutABotToken() {
        Map<String, String> environment = new HashMap<>(oauth());
        environment.put("SLACK_SIGNING_SECRET", SECRET);

        Settings settings = Settings.from(environment, directory);

        assertTrue(settings.installsToManyWorkspaces());
        assertEquals(null, settings.botToken());
        assertEquals("1234567890.0987654321", settings.oauth().clientId());
        assertFalse(settings.toString().contains("the-client-secret"), settings.toString());
        assertFalse(settings.toString().contains("a-long-random-state-secret"), settings.toString());
    }

    @Test
    void oauthSettingsHalfSetOrBesideABotTokenAreRefusedWithTheFix() {
        Map<String, String> noStateSecret = new HashMap<>(oauth());
        noStateSecret.remove("SLACK_STATE_SECRET");
        noStateSecret.put("SLACK_SIGNING_SECRET", SECRET);
        SettingsException missing =
                assertThrows(SettingsException.class, () -> Settings.from(noStateSecret, directory));
        assertTrue(missing.getMessage().startsWith("SLACK_STATE_SECRET is not set"), missing.getMessage());

        Map<String, String> both = new HashMap<>(oauth());
        both.putAll(required());
        SettingsException choose = assertThrows(SettingsException.class, () -> Settings.from(both, directory));
        assertTrue(choose.getMessage().contains("remove the other"), choose.getMessage());
        assertFalse(choose.getMessage().contains(TOKEN), "never prints a secret");

        Map<String, String> shortSecret = new HashMap<>(oauth());
        shortSecret.put("SLACK_SIGNING_SECRET", SECRET);
        shortSecret.put("SLACK_STATE_SECRET", "short");
        assertTrue(assertThrows(SettingsException.class, () -> Settings.from(shortSecret, directory))
                .getMessage()
                .contains("at least 16"));
    }

    private static Map<String, String> oauth() {
        return Map.of(
                "SLACK_CLIENT_ID", "1234567890.0987654321",
                "SLACK_CLIENT_SECRET", "the-client-secret",
                "SLACK_STATE_SECRET", "a-long-random-state-secret");
    }
}
