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
    /**
     * How long the first home of a workspace waits for the month's picture before it is published without it. The
     * picture of a busy month takes a second or more to draw; the rest of a home takes a few milliseconds.
     */
    public static final Duration FIRST_PICTURE_WAIT = Duration.ofMillis(20);

    /** Open sessions {@code /review list} shows for one channel. */
    public static final int CHANNEL_LISTED = 15;

    private final TeamActivity activity;
    private final Clock clock;
    private final ZoneId zone;
    private final PictureCache pictures;
    private final Duration firstPictureWait;

    /**
     * @param zone the office's time zone: where a month starts and what is overdue
     * @param firstPictureWait how long the first home of a workspace waits for the month's picture
     */
    public HomeService(TeamActivity activity, Clock clock, ZoneId zone, Duration firstPictureWait) {
        this(activity, clock, zone, HomeService::drawOnItsOwnThread, firstPictureWait);
    }

    /**
     * @param drawings where the picture of the month is drawn, while homes show the last one or go without
     */
    public HomeService(TeamActivity activity, Clock clock, ZoneId zone, Executor drawings, Duration firstPictureWait) {
        this.activity = activity;
        this.clock = clock;
        this.zone = zone;
        this.pictures = new PictureCache(clock, drawings);
        this.firstPictureWait = firstPictureWait;
    }

    /** A drawing happens at most once a minute per workspace, so a short-lived thread each time is cheap enough. */
    private static void drawOnItsOwnThread(Runnable drawing) {
        Thread thread = new Thread(drawing, "picture-drawing");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One person's home. Its picture of the month is missing while the workspace's first is still being drawn; {@link
     * #whenPictureDrawn} says when the home can be shown again with it.
     */
    public Home homeFor(String workspace, String viewer) {
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime monthStart = monthStart(now);
        List<SessionLine> open = activity.openSessions(workspace, viewer, OPEN_LISTED + 1);
        return new Home(
                open.subList(0, Math.min(OPEN_LISTED, open.size())),
                open.size() > OPEN_LISTED,
                activity.openItemsOf(workspace, viewer, ITEMS_LISTED),
                activity.recentlyFinished(workspace, viewer, now.toInstant().minus(RECENT), FINISHED_LISTED),
                pictures.get(
                        workspace,
                        monthStart.toInstant(),
                        firstPictureWait,
                        last -> MonthPicture.draw(
                                activity, workspace, monthStart, clock.instant().atZone(zone), last)),
                now.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                now.toLocalDate());
    }

    /** Runs {@code then} once the workspace's picture of this month is drawn (at once if it is). */
    public void whenPictureDrawn(String workspace, Runnable then) {
        pictures.whenDrawn(workspace, monthStart(clock.instant().atZone(zone)).toInstant(), then);
    }

    private ZonedDateTime monthStart(ZonedDateTime now) {
        return now.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
    }

    /** The open sessions of a channel that the viewer may see, newest first. */
    public List<SessionLine> openInChannel(String workspace, String channel, String viewer) {
        return activity.openInChannel(workspace, channel, viewer, CHANNEL_LISTED);
    }
}
