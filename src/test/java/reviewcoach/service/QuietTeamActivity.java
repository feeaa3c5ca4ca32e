package reviewcoach.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reviewcoach.summary.ItemLine;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.PeriodPicture;
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
    public PeriodPicture picture(String workspace, Instant from, Instant to) {
        return new PeriodPicture(0, 0, null, List.of(), List.of());
    }

    @Override
    public List<OwnerLoad> ownerLoads(String workspace, LocalDate today, int limit) {
        return List.of();
    }
}
