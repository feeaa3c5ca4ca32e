package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import reviewcoach.summary.Home;
import reviewcoach.summary.SessionLine;

/** Gathers what one person's App Home shows, and the open sessions of a channel. Thread-safe. */
public final class HomeService {

    /** Open sessions listed in the home; more would be a page nobody reads. */
    static final int OPEN_LISTED = 10;

    static final int ITEMS_LISTED = 15;
    static final int FINISHED_LISTED = 5;
    /** How far back "recently finished" looks. */
    static final Duration RECENT = Duration.ofDays(90);
    /** Open sessions {@code /review list} shows for one channel. */
    public static final int CHANNEL_LISTED = 15;

    private final TeamActivity activity;
    private final Clock clock;
    private final ZoneId zone;
    private final PictureCache pictures;

    /**
     * @param zone the office's time zone: where a month starts and what is overdue
     */
    public HomeService(TeamActivity activity, Clock clock, ZoneId zone) {
        this(activity, clock, zone, HomeService::redrawOnItsOwnThread);
    }

    /**
     * @param redraws where a stale picture of the month is drawn again while homes show the last one
     */
    public HomeService(TeamActivity activity, Clock clock, ZoneId zone, Executor redraws) {
        this.activity = activity;
        this.clock = clock;
        this.zone = zone;
        this.pictures = new PictureCache(clock, redraws);
    }

    /** A redraw happens at most once a minute per workspace, so a short-lived thread each time is cheap enough. */
    private static void redrawOnItsOwnThread(Runnable redraw) {
        Thread thread = new Thread(redraw, "picture-redraw");
        thread.setDaemon(true);
        thread.start();
    }

    public Home homeFor(String workspace, String viewer) {
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime monthStart = now.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        List<SessionLine> open = activity.openSessions(workspace, viewer, OPEN_LISTED + 1);
        return new Home(
                open.subList(0, Math.min(OPEN_LISTED, open.size())),
                open.size() > OPEN_LISTED,
                activity.openItemsOf(workspace, viewer, ITEMS_LISTED),
                activity.recentlyFinished(workspace, viewer, now.toInstant().minus(RECENT), FINISHED_LISTED),
                pictures.get(
                        workspace,
                        monthStart.toInstant(),
                        () -> activity.picture(
                                workspace,
                                monthStart.toInstant(),
                                now.toInstant().plusSeconds(1))),
                now.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                now.toLocalDate());
    }

    /** The open sessions of a channel that the viewer may see, newest first. */
    public List<SessionLine> openInChannel(String workspace, String channel, String viewer) {
        return activity.openInChannel(workspace, channel, viewer, CHANNEL_LISTED);
    }
}
