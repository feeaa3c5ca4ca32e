package reviewcoach.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reviewcoach.summary.ItemLine;
import reviewcoach.summary.OwnerLoad;
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
     * The team's picture of a period, without private sessions.
     *
     * @param workspace the workspace, or null for every workspace in the store
     */
    PeriodPicture picture(String workspace, Instant from, Instant to);

    /**
     * The people with open action items (outside private sessions), most items first; overdue is due before today.
     *
     * @param workspace the workspace, or null for every workspace in the store
     */
    List<OwnerLoad> ownerLoads(String workspace, LocalDate today, int limit);
}
