package reviewcoach.config;

import io.github.cdimascio.dotenv.Dotenv;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.summary.WeeklySchedule;

/**
 * Every setting of the service, read once from the environment and then from {@code .env} (the environment wins),
 * checked up front.
 *
 * @param signingSecret verifies that requests to {@code /slack/events} come from Slack; null in Socket Mode when unset,
 *     and then the service takes no requests over HTTP
 * @param botToken the {@code xoxb-} token for Web API calls in the one workspace; null when installed through OAuth
 * @param port the HTTP port
 * @param databaseUrl the JDBC URL
 * @param databaseUser the database user, or null when the URL carries it
 * @param databasePassword the database password, or null
 * @param summaryChannel the channel id for manager summaries, or null for the session's own channel
 * @param slackApiUrl the base URL of the Slack Web API, ending in a slash
 * @param policy limits, privacy and permissions
 * @param appToken the app-level {@code xapp-} token that switches on Socket Mode, or null to take requests over HTTP
 * @param digestSchedule when the weekly digest goes to the summary channel
 * @param oauth what installing to many workspaces needs, or null for one workspace with {@code botToken}
 */
public record Settings(
        String signingSecret,
        String botToken,
        int port,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String summaryChannel,
        String slackApiUrl,
        Policy policy,
        String appToken,
        WeeklySchedule digestSchedule,
        OAuthSettings oauth) {

    public Settings {
        Objects.requireNonNull(digestSchedule, "digestSchedule");
        if ((botToken == null) == (oauth == null)) {
            throw new IllegalArgumentException("either a bot token (one workspace) or OAuth (many), not both");
        }
    }

    /** Settings for one workspace, with its bot token. */
    public Settings(
            String signingSecret,
            String botToken,
            int port,
            String databaseUrl,
            String databaseUser,
            String databasePassword,
            String summaryChannel,
            String slackApiUrl,
            Policy policy,
            String appToken,
            WeeklySchedule digestSchedule) {
        this(
                signingSecret,
                botToken,
                port,
                databaseUrl,
                databaseUser,
                databasePassword,
                summaryChannel,
                slackApiUrl,
                policy,
                appToken,
                digestSchedule,
                null);
    }

    /** Settings for HTTP mode (no app-level token) with the {@link WeeklySchedule#standard() standard} digest. */
    public Settings(
            String signingSecret,
            String botToken,
            int port,
            String databaseUrl,
            String databaseUser,
            String databasePassword,
            String summaryChannel,
            String slackApiUrl,
            Policy policy) {
        this(
                signingSecret,
                botToken,
                port,
                databaseUrl,
                databaseUser,
                databasePassword,
                summaryChannel,
                slackApiUrl,
                policy,
                null,
                WeeklySchedule.standard());
    }

    /** Settings with the default {@link Policy}. */
    public Settings(
            String signingSecret,
            String botToken,
            int port,
            String databaseUrl,
            String databaseUser,
            String databasePassword,
            String summaryChannel,
            String slackApiUrl) {
        this(
                signingSecret,
                botToken,
                port,
                databaseUrl,
                databaseUser,
                databasePassword,
                summaryChannel,
                slackApiUrl,
                Policy.defaults());
    }

    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/review-coach";
    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";

    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final String APP_PAGE = "https://api.slack.com/apps";

    /** Where the database is: all that the terminal rehearsal needs. */
    public record DatabaseSettings(String url, String user, String password) {}

    /** Reads only the database settings (environment, then {@code .env}), for modes that do not talk to Slack. */
    public static DatabaseSettings databaseFrom(Map<String, String> environment, Path dotenvDirectory) {
        Map<String, String> merged = merge(environment, dotenvDirectory);
        Function<String, String> source = name -> blankToNull(merged.get(name));
        return new DatabaseSettings(
                databaseUrl(source.apply("DATABASE_URL")),
                source.apply("DATABASE_USER"),
                source.apply("DATABASE_PASSWORD"));
    }

    private static final Set<String> LOG_LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    /**
     * Reads only {@code LOG_LEVEL} (environment, then {@code .env}), before anything logs, so that {@code .env} can set
     * it too: the logging configuration reads it from a system property of the same name.
     */
    public static String logLevelFrom(Map<String, String> environment, Path dotenvDirectory) {
        String level = blankToNull(merge(environment, dotenvDirectory).get("LOG_LEVEL"));
        if (level == null) {
            return "INFO";
        }
        String upper = level.strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(upper)) {
            throw new SettingsException("LOG_LEVEL must be one of INFO, WARN, ERROR or DEBUG (INFO when unset)");
        }
        return upper;
    }

    /** Reads the process environment, then {@code .env} in the working directory. */
    public static Settings load() {
        return from(System.getenv(), Path.of("."));
    }

    /** Reads the given environment, then {@code .env} in the given directory; the environment wins. */
    public static Settings from(Map<String, String> environment, Path dotenvDirectory) {
        Map<String, String> merged = merge(environment, dotenvDirectory);
        return from(name -> blankToNull(merged.get(name)));
    }

    private static Map<String, String> merge(Map<String, String> environment, Path dotenvDirectory) {
        Map<String, String> merged = new HashMap<>();
        Dotenv.configure()
                .directory(dotenvDirectory.toString())
                .ignoreIfMissing()
                .load()
                .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
                .forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        environment.forEach(merged::put);
        return merged;
    }

    private static Settings from(Function<String, String> source) {
        String appToken = appToken(source.apply("SLACK_APP_TOKEN"));
        String signingSecret = appToken == null
                ? require(
                        source,
                        "SLACK_SIGNING_SECRET",
                        "copy it from " + APP_PAGE
                                + " > your app > Basic Information > App Credentials > Signing Secret")
                : source.apply("SLACK_SIGNING_SECRET");
        if (signingSecret != null && !signingSecret.matches("[0-9A-Za-z]{16,}")) {
            throw new SettingsException(
                    "SLACK_SIGNING_SECRET does not look like a signing secret (32 letters and digits):"
                            + " copy it again from " + APP_PAGE + " > your app > Basic Information > Signing Secret");
        }
        OAuthSettings oauth = oauth(source);
        WeeklySchedule schedule = digestSchedule(source);
        String botToken = oauth == null ? botToken(source) : null;
        if (oauth != null && source.apply("SLACK_BOT_TOKEN") != null) {
            throw new SettingsException("SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: keep SLACK_BOT_TOKEN for one"
                    + " workspace, or the SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET trio to install to"
                    + " many through /slack/install; remove the other");
        }
        return new Settings(
                signingSecret,
                botToken,
                port(source.apply("PORT")),
                databaseUrl(source.apply("DATABASE_URL")),
                source.apply("DATABASE_USER"),
                source.apply("DATABASE_PASSWORD"),
                summaryChannel(source.apply("SUMMARY_CHANNEL")),
                slackApiUrl(source.apply("SLACK_API_URL")),
                new Policy(
                        reviewLength(source),
                        flag(source, "REDACT_PII"),
                        positive(source, "RETENTION_DAYS", Policy.DEFAULT_RETENTION_DAYS),
                        managers(source.apply("MANAGERS")),
                        practice(source.apply("PRACTICE_TYPE")),
                        schedule.zone()),
                appToken,
                schedule,
                oauth);
    }

    /** True when workspaces install the app through OAuth, each with its own token. */
    public boolean installsToManyWorkspaces() {
        return oauth != null;
    }

    private static String botToken(Function<String, String> source) {
        String botToken = require(
                source,
                "SLACK_BOT_TOKEN",
                "install the app to your workspace, then copy the Bot User OAuth Token (xoxb-...) from " + APP_PAGE
                        + " > your app > OAuth & Permissions (or, to install to many workspaces, set SLACK_CLIENT_ID,"
                        + " SLACK_CLIENT_SECRET and SLACK_STATE_SECRET instead)");
        if (!botToken.startsWith("xoxb-")) {
            throw new SettingsException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-: copy the Bot User"
                    + " OAuth Token from " + APP_PAGE + " > your app > OAuth & Permissions");
        }
        return botToken;
    }

    /** All three OAuth settings, or none. */
    private static OAuthSettings oauth(Function<String, String> source) {
        String clientId = source.apply("SLACK_CLIENT_ID");
        String clientSecret = source.apply("SLACK_CLIENT_SECRET");
        String stateSecret = source.apply("SLACK_STATE_SECRET");
        if (clientId == null && clientSecret == null && stateSecret == null) {
            return null;
        }
        String where = " from " + APP_PAGE + " > your app > Basic Information > App Credentials";
        require(source, "SLACK_CLIENT_ID", "copy the Client ID" + where);
        require(source, "SLACK_CLIENT_SECRET", "copy the Client Secret" + where);
        require(
                source,
                "SLACK_STATE_SECRET",
                "make up a long random value (for example: openssl rand -hex 32); it signs the install links");
        if (!clientId.matches("[0-9]+\\.[0-9]+")) {
            throw new SettingsException("SLACK_CLIENT_ID does not look like a Client ID (digits, a dot, digits): copy"
                    + " it again" + where);
        }
        if (stateSecret.length() < 16) {
            throw new SettingsException("SLACK_STATE_SECRET must be at least 16 characters: make up a long random value"
                    + " (for example: openssl rand -hex 32)");
        }
        String redirectUri = source.apply("SLACK_REDIRECT_URI");
        if (redirectUri != null && !redirectUri.startsWith("https://") && !redirectUri.startsWith("http://")) {
            throw new SettingsException("SLACK_REDIRECT_URI must be the full address of /slack/oauth_redirect, such as"
                    + " https://coach.example.com/slack/oauth_redirect (or leave it unset)");
        }
        return new OAuthSettings(clientId, clientSecret, stateSecret, redirectUri);
    }

    /** True when the service reaches Slack over Socket Mode rather than waiting for HTTP requests. */
    public boolean socketMode() {
        return appToken != null;
    }

    /**
     * Socket Mode needs an app-level token with the {@code connections:write} scope; a bot or user token would only
     * be refused by Slack later, so it is refused here with the fix.
     */
    private static String appToken(String value) {
        if (value != null && !value.startsWith("xapp-")) {
            throw new SettingsException("SLACK_APP_TOKEN must be an app-level token starting with xapp-: create one at "
                    + APP_PAGE + " > your app > Basic Information > App-Level Tokens with the scope"
                    + " connections:write (or leave SLACK_APP_TOKEN unset to take requests over HTTP)");
        }
        return value;
    }

    /** Settings with another digest schedule. */
    public Settings withDigestSchedule(WeeklySchedule schedule) {
        return new Settings(
                signingSecret,
                botToken,
                port,
                databaseUrl,
                databaseUser,
                databasePassword,
                summaryChannel,
                slackApiUrl,
                policy,
                appToken,
                schedule,
                oauth);
    }

    /** Settings that install to many workspaces through OAuth instead of using one bot token. */
    public Settings withOAuth(OAuthSettings newOAuth) {
        return new Settings(
                signingSecret,
                null,
                port,
                databaseUrl,
                databaseUser,
                databasePassword,
                summaryChannel,
                slackApiUrl,
                policy,
                appToken,
                digestSchedule,
                newOAuth);
    }

    private static WeeklySchedule digestSchedule(Function<String, String> source) {
        WeeklySchedule standard = WeeklySchedule.standard();
        return new WeeklySchedule(
                digestDay(source.apply("DIGEST_DAY"), standard.day()),
                digestHour(source.apply("DIGEST_HOUR"), standard.hour()),
                digestZone(source.apply("DIGEST_TIME_ZONE"), standard.zone()));
    }

    private static DayOfWeek digestDay(String value, DayOfWeek standard) {
        if (value == null) {
            return standard;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(value) || day.name().substring(0, 3).equalsIgnoreCase(value)) {
                return day;
            }
        }
        throw new SettingsException("DIGEST_DAY must be a day of the week such as MONDAY or FRIDAY, got '" + value
                + "': set it or leave it unset for " + standard);
    }

    private static int digestHour(String value, int standard) {
        if (value == null) {
            return standard;
        }
        try {
            int hour = Integer.parseInt(value);
            if (hour >= 0 && hour <= 23) {
                return hour;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw new SettingsException("DIGEST_HOUR must be an hour from 0 to 23 (9 is 9 in the morning), got '" + value
                + "': set it or leave it unset for " + standard);
    }

    private static ZoneId digestZone(String value, ZoneId standard) {
        if (value == null) {
            return standard;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException unknown) {
            throw new SettingsException("DIGEST_TIME_ZONE must be a time zone such as UTC, Europe/Berlin or"
                    + " America/New_York, got '" + value + "': set it or leave it unset for " + standard);
        }
    }

    public Optional<String> summaryChannelIfSet() {
        return Optional.ofNullable(summaryChannel);
    }

    private static String require(Function<String, String> source, String name, String fix) {
        String value = source.apply(name);
        if (value == null) {
            throw new SettingsException(name + " is not set: " + fix + ", and put it in .env or the environment");
        }
        return value;
    }

    private static int port(String value) {
        if (value == null) {
            return 3000;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw new SettingsException("PORT must be a number from 1 to 65535 (or 0 for any free port), got '" + value
                + "': set PORT=3000 or leave it unset");
    }

    private static int positive(Function<String, String> source, String name, int defaultValue) {
        String value = source.apply(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw new SettingsException(name + " must be a whole number above 0, got '" + value
                + "': set it or leave it unset for " + defaultValue);
    }

    /** The stored review holds at most 100,000 characters, so a larger limit would fail in the database. */
    private static int reviewLength(Function<String, String> source) {
        int limit = positive(source, "MAX_REVIEW_LENGTH", Policy.DEFAULT_MAX_REVIEW_LENGTH);
        if (limit > Policy.LONGEST_REVIEW) {
            throw new SettingsException("MAX_REVIEW_LENGTH can be at most " + Policy.LONGEST_REVIEW
                    + " characters, got " + limit + ": set a smaller number or leave it unset for "
                    + Policy.DEFAULT_MAX_REVIEW_LENGTH);
        }
        return limit;
    }

    private static PracticeType practice(String value) {
        try {
            return PracticeType.parse(value);
        } catch (IllegalArgumentException unknown) {
            throw new SettingsException("PRACTICE_TYPE: " + unknown.getMessage());
        }
    }

    private static boolean flag(Function<String, String> source, String name) {
        String value = source.apply(name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static Set<String> managers(String value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("[UWS][A-Z0-9]{2,}")) {
                throw new SettingsException("MANAGERS must list Slack user ids such as U0123ABCD, or user group ids"
                        + " such as S0123ABCD, separated by commas, got '" + id
                        + "': in Slack, open a person's profile,"
                        + " choose More (⋯) and Copy member ID");
            }
            ids.add(id);
        }
        return ids;
    }

    private static String databaseUrl(String value) {
        if (value == null) {
            return DEFAULT_DATABASE_URL;
        }
        if (!value.startsWith("jdbc:")) {
            throw new SettingsException("DATABASE_URL must be a JDBC URL such as " + DEFAULT_DATABASE_URL
                    + " or jdbc:postgresql://localhost:5432/reviewcoach");
        }
        return value;
    }

    private static String summaryChannel(String value) {
        if (value != null && !CHANNEL_ID.matcher(value).matches()) {
            throw new SettingsException("SUMMARY_CHANNEL must be a channel id such as C0123456789 (not a name like"
                    + " #managers): in Slack, open the channel's details and copy the Channel ID at the bottom");
        }
        return value;
    }

    private static String slackApiUrl(String value) {
        if (value == null) {
            return DEFAULT_SLACK_API_URL;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return value.endsWith("/") ? value : value + "/";
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the message below
        }
        throw new SettingsException(
                "SLACK_API_URL must be an http(s) URL such as " + DEFAULT_SLACK_API_URL + " (or leave it unset)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Describes the settings with every secret masked, safe to log. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", databaseUrl=" + maskPassword(databaseUrl) + ", databaseUser="
                + databaseUser + ", databasePassword=" + mask(databasePassword) + ", summaryChannel=" + summaryChannel
                + ", slackApiUrl=" + slackApiUrl + ", " + policy + ", digestSchedule=" + digestSchedule
                + ", signingSecret=" + mask(signingSecret)
                + ", botToken="
                + mask(botToken) + ", appToken=" + mask(appToken) + ", oauth=" + oauth + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "(unset)" : "****";
    }

    private static String maskPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
