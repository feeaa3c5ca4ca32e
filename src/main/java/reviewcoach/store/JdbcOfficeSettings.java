package reviewcoach.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.service.OfficeSettings;
import reviewcoach.service.OfficeSettingsStore;

/**
 * Each office's settings in the {@code office_settings} table, one row per workspace, with who changed them last and
 * when; the managers are one comma-separated column, sorted so that the same set is always written the same way.
 * Thread-safe.
 */
public final class JdbcOfficeSettings implements OfficeSettingsStore {

    private static final String SEPARATOR = ",";
    private static final Upsert SAVE = new Upsert(
            "office_settings", "workspace", "summary_channel", "managers", "practice", "changed_by", "changed_at");

    private final DataSource dataSource;

    public JdbcOfficeSettings(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<OfficeSettings> find(String workspace) {
        return Queries.list(
                        dataSource,
                        "reading an office's settings",
                        "SELECT summary_channel, managers, practice FROM office_settings WHERE workspace = ?",
                        JdbcOfficeSettings::settings,
                        workspace)
                .stream()
                .findFirst();
    }

    @Override
    public void save(String workspace, OfficeSettings settings, String changedBy, Instant now) {
        SAVE.save(
                dataSource,
                "keeping an office's settings",
                Objects.requireNonNull(workspace, "workspace"),
                settings.summaryChannel(),
                joined(settings.managers()),
                settings.practice().name(),
                changedBy,
                Rows.timestamp(Objects.requireNonNull(now, "now")));
    }

    @Override
    public void remove(String workspace) {
        Queries.update(
                dataSource,
                "forgetting an office's settings",
                "DELETE FROM office_settings WHERE workspace = ?",
                workspace);
    }

    private static String joined(Set<String> managers) {
        for (String manager : managers) {
            if (manager.isBlank() || manager.contains(SEPARATOR)) {
                throw new IllegalArgumentException(
                        "a manager is a Slack user or user group id such as U0123ABCD, not '" + manager + "'");
            }
        }
        return String.join(SEPARATOR, new TreeSet<>(managers));
    }

    private static OfficeSettings settings(ResultSet row) throws SQLException {
        String managers = row.getString("managers");
        Set<String> ids = managers == null || managers.isEmpty()
                ? Set.of()
                : Arrays.stream(managers.split(SEPARATOR)).collect(Collectors.toUnmodifiableSet());
        return new OfficeSettings(
                row.getString("summary_channel"), ids, PracticeType.valueOf(row.getString("practice")));
    }
}
