package reviewcoach.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import reviewcoach.service.Installation;
import reviewcoach.service.Installations;

/** The workspaces' installations in the {@code installations} table, one row per workspace. Thread-safe. */
public final class JdbcInstallations implements Installations {

    /** The width of {@code bot_token} (V8); a longer token is refused before H2 could echo it in an error message. */
    static final int LONGEST_TOKEN = 512;

    private static final String COLUMNS =
            "workspace, enterprise, bot_token, bot_user_id, bot_id, scopes, installer, installed_at";
    private static final Upsert SAVE = new Upsert(
            "installations",
            "workspace",
            "enterprise",
            "bot_token",
            "bot_user_id",
            "bot_id",
            "scopes",
            "installer",
            "installed_at");

    private final DataSource dataSource;

    public JdbcInstallations(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void save(Installation installation) {
        if (installation.botToken().length() > LONGEST_TOKEN) {
            throw new IllegalArgumentException("a bot token longer than " + LONGEST_TOKEN + " characters cannot be"
                    + " kept: widen installations.bot_token in a new migration");
        }
        SAVE.save(
                dataSource,
                "keeping an installation",
                installation.workspace(),
                installation.enterprise(),
                installation.botToken(),
                installation.botUserId(),
                installation.botId(),
                installation.scopes(),
                installation.installer(),
                Rows.timestamp(installation.installedAt()));
    }

    @Override
    public Optional<Installation> find(String workspace) {
        return Queries.list(
                        dataSource,
                        "reading an installation",
                        "SELECT " + COLUMNS + " FROM installations WHERE workspace = ?",
                        JdbcInstallations::installation,
                        workspace)
                .stream()
                .findFirst();
    }

    @Override
    public List<String> workspaces() {
        return Queries.list(
                dataSource,
                "listing installed workspaces",
                "SELECT workspace FROM installations ORDER BY workspace",
                row -> row.getString("workspace"));
    }

    @Override
    public boolean remove(String workspace) {
        return Queries.update(
                        dataSource,
                        "forgetting an installation",
                        "DELETE FROM installations WHERE workspace = ?",
                        workspace)
                > 0;
    }

    private static Installation installation(ResultSet row) throws SQLException {
        return new Installation(
                row.getString("workspace"),
                row.getString("enterprise"),
                row.getString("bot_token"),
                row.getString("bot_user_id"),
                row.getString("bot_id"),
                row.getString("scopes"),
                row.getString("installer"),
                Rows.instant(row, "installed_at"));
    }
}
