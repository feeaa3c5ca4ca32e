package reviewcoach.store;

import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import reviewcoach.service.OAuthStates;

/**
 * OAuth state values in the {@code oauth_states} table. A state is used up by deleting its row, so that of several
 * instances (or threads) returning with the same state, exactly one deletes it and is told true. Thread-safe.
 */
public final class JdbcOAuthStates implements OAuthStates {

    private final DataSource dataSource;

    public JdbcOAuthStates(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void issue(String state, Instant expiresAt) {
        Queries.update(
                dataSource,
                "remembering an OAuth state",
                "INSERT INTO oauth_states (state, expires_at) VALUES (?, ?)",
                Objects.requireNonNull(state, "state"),
                Rows.timestamp(Objects.requireNonNull(expiresAt, "expiresAt")));
    }

    @Override
    public boolean consume(String state, Instant now) {
        if (state == null || state.isEmpty()) {
            return false;
        }
        return Queries.update(
                        dataSource,
                        "using up an OAuth state",
                        "DELETE FROM oauth_states WHERE state = ? AND expires_at > ?",
                        state,
                        Rows.timestamp(now))
                == 1;
    }

    @Override
    public int forgetExpired(Instant now) {
        return Queries.update(
                dataSource,
                "forgetting expired OAuth states",
                "DELETE FROM oauth_states WHERE expires_at <= ?",
                Rows.timestamp(now));
    }
}
