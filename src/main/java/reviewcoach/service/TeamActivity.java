package reviewcoach.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reviewcoach.summary.ItemLine;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.PeriodCounts;
import reviewcoach.summary.PeriodPicture;
import reviewcoach.summary.SessionLine;

/**
 * What the team has been doing, read for the App Home, {@code /review list} and the digest. Each method is one
 * bounded query (or, for a picture, a few), never one per session. A private session is seen only by its starter
 * ({@code viewer}) and is never counted in pictures or digests. Thread-safe.
 */
public interface TeamActivity {

    /** The open sessions of a workspace the viewer may see, newest first. */
    List<SessionLine> openSessions(String workspace, String viewer, int limit);

    /** The open sessions of one channel of a workspace the viewer may see, newest first. */
    List<SessionLine> openInChannel(String workspace, String channel, String viewer, int limit);

    /** The sessions of a workspace the viewer may see that finished since {@code since}, newest first. */
    List<SessionLine> recentlyFinished(String workspace, String viewer, Instant since, int limit);

    /** The open action items a person owns, in sessions they may see, soonest due first. */
    List<ItemLine> openItemsOf(String workspace, String owner, int limit);

    /**
     * What the team did in a period, without private sessions, counted.
     *
     * @param workspace the workspace, or null for every workspace in the store
     */
    PeriodCounts counts(String workspace, Instant from, Instant to);

    /**
     * The team's picture of a period, without private sessions.
     *
     * @param workspace the workspace, or null for every workspace in the store
     */
    default PeriodPicture picture(String workspace, Instant from, Instant to) {
        return counts(workspace, from, to).picture();
    }

    /**
     * A number that moves whenever something already counted for a workspace is taken back: a session deleted, a line
     * changed or removed. Counts of earlier days stay true while it stands still (new lines and sessions are counted
     * on the day they come).
     */
    long changes(String workspace);

    /**
     * The people with open action items (outside private sessions), most items first; overdue is due before today.
     *
     * @param workspace the workspace, or null for every workspace in the store
     */
    List<OwnerLoad> ownerLoads(String workspace, LocalDate today, int limit);
}
