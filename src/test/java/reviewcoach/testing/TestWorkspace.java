package reviewcoach.testing;

/**
 * The one pretend Slack workspace every fake and request builder here agrees on, so ids line up across a test.
 *
 * <p>{@link FakeSlackApi} answers {@code auth.test} with {@link #TEAM_ID}, {@link #BOT_USER_ID} and {@link #BOT_ID};
 * {@link SlackRequests} puts the same ids into the payloads it builds.
 */
public final class TestWorkspace {

    /** Workspace (team) id. */
    public static final String TEAM_ID = "T0TEST";

    /** Workspace subdomain, as in {@code team_domain}. */
    public static final String TEAM_DOMAIN = "reviewcoach-test";

    /** Workspace display name, as {@code auth.test} reports it. */
    public static final String TEAM_NAME = "Review Coach Test";

    /** The Slack app's id ({@code api_app_id}). */
    public static final String APP_ID = "A0TEST";

    /** The app's bot user id; Bolt ignores events from this user. */
    public static final String BOT_USER_ID = "U0BOT";

    /** The app's bot id; Bolt ignores events carrying this {@code bot_id}. */
    public static final String BOT_ID = "B0BOT";

    /** The bot user's name. */
    public static final String BOT_USER_NAME = "review-coach";

    /** A bot token tests can give the app; the fake accepts any token. */
    public static final String BOT_TOKEN = "xoxb-0000000000-0000000000000-testtokenfortests00000";

    /** A signing secret tests can give both the app and {@link SlackRequests}. */
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    /** The deprecated verification token Slack still puts into payloads. */
    public static final String VERIFICATION_TOKEN = "gIkuvaNzQIHg97ATvDxqgjtO";

    /** The default human user who writes messages and runs commands. */
    public static final String USER_ID = "U0ALICE";

    /** The default user's handle. */
    public static final String USER_NAME = "alice";

    /** The default user's full name, as {@code users.info} reports it. */
    public static final String USER_REAL_NAME = "Alice Example";

    /** The default public channel where reviews are discussed. */
    public static final String CHANNEL_ID = "C0REVIEWS";

    /** The default channel's name. */
    public static final String CHANNEL_NAME = "reviews";

    /**
     * The app's direct message with a person, as Slack names it when the app posts to the person's user id: a {@code
     * D} id ({@code chat.postMessage} answers with it, and the person's replies arrive in it).
     */
    public static String directMessageWith(String userId) {
        return "D" + userId.substring(1);
    }

    private TestWorkspace() {}
}
