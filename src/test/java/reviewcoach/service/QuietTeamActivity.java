package reviewcoach.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reviewcoach.summary.ItemLine;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.PeriodCounts;
import reviewcoach.summary.SessionLine;

/** A team with nothing going on: every list empty, an empty picture. Tests override what they watch. */
class QuietTeamActivity implements TeamActivity {

    @Override
    public List<SessionLine> openSessions(String workspace, String viewer, int limit) {
        return List.of();
    }

    @Override
    public List<SessionLine> openInChannel(String workspace, String channel, String viewer, int limit) {
        return List.of();
    }

    @Override
    public List<SessionLine> recentlyFinished(String workspace, String viewer, Instant since, int limit) {
        return List.of();
    }

    @Override
    public List<ItemLine> openItemsOf(String workspace, String owner, int limit) {
        return List.of();
    }

    @Override
    public PeriodCounts counts(String workspace, Instant from, Instant to) {
        return PeriodCounts.none();
    }

    @Override
    public long changes(String workspace) {
        return 0;
    }

    @Override
    public List<OwnerLoad> ownerLoads(String workspace, LocalDate today, int limit) {
        return List.of();
    }
}
