package reviewcoach.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import reviewcoach.dialogue.Step;
import reviewcoach.service.TeamActivity;
import reviewcoach.summary.ItemLine;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.PeriodCounts;
import reviewcoach.summary.SessionLine;
import reviewcoach.summary.TimeToFinish;

/**
 * The team's activity read from the sessions, contributions and action items tables: each list is one query on an
 * index (see V6 and V7), bounded by a limit; a period's counts are five. Thread-safe.
 */
public final class JdbcTeamActivity implements TeamActivity {

    /** A session nobody but its starter may see: run in a direct message (or still addressed to its starter). */
    static final String PUBLIC = "(s.channel NOT LIKE 'D%' AND s.channel <> s.starter)";

    private static final String VISIBLE_TO_VIEWER = "(" + PUBLIC + " OR s.starter = ?)";
    private static final String LINE_COLUMNS =
            "s.id, s.channel, s.thread, s.step, s.started_at, s.finished_at, SUBSTRING(s.review_text, 1, 300) AS excerpt";
    /** Distinct feeling lines read per period; the rare ones past this never reach the top five. */
    private static final int FEELING_LINES_READ = 300;

    // Each list orders by every column of the index it walks, those fixed by the WHERE clause included: H2 then reads
    // the index in order and stops at the limit, instead of sorting every match (10,000 open sessions, or 60,000
    // finished in 90 days, per home with 100,000 sessions). PostgreSQL does so either way.
    static final String OPEN_IN_WORKSPACE = "SELECT " + LINE_COLUMNS + " FROM sessions s WHERE s.workspace = ?"
            + " AND s.status = 'OPEN' AND " + VISIBLE_TO_VIEWER
            + " ORDER BY s.workspace DESC, s.status DESC, s.started_at DESC FETCH FIRST ? ROWS ONLY";
    static final String OPEN_IN_CHANNEL = "SELECT " + LINE_COLUMNS + " FROM sessions s WHERE s.workspace = ?"
            + " AND s.channel = ? AND s.status = 'OPEN' AND " + VISIBLE_TO_VIEWER
            + " ORDER BY s.workspace DESC, s.channel DESC, s.status DESC, s.started_at DESC FETCH FIRST ? ROWS ONLY";
    static final String RECENTLY_FINISHED = "SELECT " + LINE_COLUMNS + " FROM sessions s"
            + " WHERE s.workspace = ? AND s.finished_at >= ? AND " + VISIBLE_TO_VIEWER
            + " ORDER BY s.workspace DESC, s.finished_at DESC FETCH FIRST ? ROWS ONLY";
    static final String ITEMS_OF_OWNER = "SELECT a.id, a.session_id, a.description, a.due_date FROM action_items a"
            + " JOIN sessions s ON s.id = a.session_id"
            + " WHERE a.workspace = ? AND a.owner = ? AND a.status = 'OPEN' AND " + VISIBLE_TO_VIEWER
            + " ORDER BY CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, a.id FETCH FIRST ? ROWS ONLY";

    static String ownerLoadsSql(boolean inWorkspace) {
        return "SELECT a.owner, COUNT(*) AS open_items,"
                + " SUM(CASE WHEN a.due_date < ? THEN 1 ELSE 0 END) AS overdue_items"
                + " FROM action_items a JOIN sessions s ON s.id = a.session_id"
                + " WHERE a.status = 'OPEN' AND a.owner IS NOT NULL AND " + PUBLIC + workspace(inWorkspace)
                + " GROUP BY a.owner ORDER BY open_items DESC, a.owner FETCH FIRST ? ROWS ONLY";
    }

    private final DataSource dataSource;

    public JdbcTeamActivity(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<SessionLine> openSessions(String workspace, String viewer, int limit) {
        return query("reading open sessions", OPEN_IN_WORKSPACE, JdbcTeamActivity::line, workspace, viewer, limit);
    }

    @Override
    public List<SessionLine> openInChannel(String workspace, String channel, String viewer, int limit) {
        return query(
                "reading a channel's open sessions",
                OPEN_IN_CHANNEL,
                JdbcTeamActivity::line,
                workspace,
                channel,
                viewer,
                limit);
    }

    @Override
    public List<SessionLine> recentlyFinished(String workspace, String viewer, Instant since, int limit) {
        return query(
                "reading finished sessions",
                RECENTLY_FINISHED,
                JdbcTeamActivity::line,
                workspace,
                Rows.timestamp(since),
                viewer,
                limit);
    }

    @Override
    public List<ItemLine> openItemsOf(String workspace, String owner, int limit) {
        return query(
                "reading a person's action items",
                ITEMS_OF_OWNER,
                row -> new ItemLine(
                        row.getLong("id"),
                        row.getLong("session_id"),
                        row.getString("description"),
                        row.getObject("due_date", LocalDate.class)),
                workspace,
                owner,
                owner,
                limit);
    }

    @Override
    public PeriodCounts counts(String workspace, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return PeriodCounts.none();
        }
        boolean inWorkspace = workspace != null;
        List<Object> period = new ArrayList<>(List.of(Rows.timestamp(from), Rows.timestamp(to)));
        if (workspace != null) {
            period.add(workspace);
        }
        long started = query(
                        "counting sessions started", startedSql(inWorkspace), row -> row.getLong(1), period.toArray())
                .get(0);
        long finished = query(
                        "counting sessions finished", finishedSql(inWorkspace), row -> row.getLong(1), period.toArray())
                .get(0);
        List<TimeToFinish.Span> spans = query(
                "reading times to finish",
                spansSql(inWorkspace),
                row -> new TimeToFinish.Span(Rows.instant(row, "started_at"), Rows.instant(row, "finished_at")),
                period.toArray());
        return new PeriodCounts(
                started,
                finished,
                spans,
                feelings(Step.FEELING, inWorkspace, period),
                feelings(Step.NEW_FEELING, inWorkspace, period));
    }

    @Override
    public long changes(String workspace) {
        List<Long> changes = query(
                "reading the changes to the month's picture",
                "SELECT changes FROM picture_changes WHERE workspace = ?",
                row -> row.getLong(1),
                workspace);
        return changes.isEmpty() ? 0 : changes.get(0);
    }

    /** Each distinct feeling line written at one step in the period, with its count. */
    private Map<String, Long> feelings(Step step, boolean inWorkspace, List<Object> period) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(step.name());
        parameters.addAll(period);
        Map<String, Long> tally = new HashMap<>();
        query(
                "counting feelings",
                feelingsSql(inWorkspace),
                row -> tally.merge(row.getString("feeling"), row.getLong("times"), Long::sum),
                parameters.toArray());
        return tally;
    }

    @Override
    public List<OwnerLoad> ownerLoads(String workspace, LocalDate today, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(today));
        if (workspace != null) {
            parameters.add(workspace);
        }
        parameters.add(limit);
        return query(
                "counting open action items",
                ownerLoadsSql(workspace != null),
                row -> new OwnerLoad(row.getString("owner"), row.getLong("open_items"), row.getLong("overdue_items")),
                parameters.toArray());
    }

    static String startedSql(boolean inWorkspace) {
        return "SELECT COUNT(*) FROM sessions s WHERE s.started_at >= ? AND s.started_at < ?" + workspace(inWorkspace)
                + " AND " + PUBLIC;
    }

    static String finishedSql(boolean inWorkspace) {
        return "SELECT COUNT(*) FROM sessions s WHERE s.finished_at >= ? AND s.finished_at < ?" + workspace(inWorkspace)
                + " AND " + PUBLIC;
    }

    static String spansSql(boolean inWorkspace) {
        return "SELECT s.started_at, s.finished_at FROM sessions s WHERE s.finished_at >= ? AND s.finished_at < ?"
                + workspace(inWorkspace) + " AND " + PUBLIC + " ORDER BY s.finished_at DESC FETCH FIRST "
                + PeriodCounts.SPANS_KEPT
                + " ROWS ONLY";
    }

    /**
     * One step at a time: with {@code step IN (...)} H2 walks the index through every feeling ever written at those
     * steps and only then checks the period (200,000 entries for a month of 8,000 with 100,000 sessions stored).
     */
    static String feelingsSql(boolean inWorkspace) {
        return "SELECT LOWER(TRIM(c.text)) AS feeling, COUNT(*) AS times FROM contributions c"
                + " JOIN sessions s ON s.id = c.session_id"
                + " WHERE c.step = ? AND c.written_at >= ? AND c.written_at < ?"
                + " AND c.concern_reason IS NULL" + workspace(inWorkspace) + " AND " + PUBLIC
                + " GROUP BY LOWER(TRIM(c.text)) ORDER BY times DESC FETCH FIRST " + FEELING_LINES_READ
                + " ROWS ONLY";
    }

    private static String workspace(boolean inWorkspace) {
        return inWorkspace ? " AND s.workspace = ?" : "";
    }

    private static SessionLine line(ResultSet row) throws SQLException {
        return new SessionLine(
                row.getLong("id"),
                row.getString("channel"),
                row.getString("thread"),
                Step.valueOf(row.getString("step")),
                Rows.instant(row, "started_at"),
                Rows.instant(row, "finished_at"),
                row.getString("excerpt"));
    }

    private <T> List<T> query(String doing, String sql, Queries.RowReader<T> reader, Object... parameters) {
        return Queries.list(dataSource, doing, sql, reader, parameters);
    }
}
