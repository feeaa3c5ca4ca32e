package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Session;
import reviewcoach.service.SessionStore;
import reviewcoach.service.SessionTransaction;

/** Keeps sessions in any JDBC database migrated by {@link Database}. Thread-safe. */
public final class JdbcSessionStore implements SessionStore {

    private final DataSource dataSource;

    public JdbcSessionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Function<SessionTransaction, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(new JdbcSessionTransaction(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error failure) {
                connection.rollback();
                throw failure;
            } catch (SQLException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failure) {
            throw new StoreException("committing a change", failure);
        }
    }

    @Override
    public Optional<Session> find(long sessionId) {
        return querySession("SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE id = ?", sessionId);
    }

    @Override
    public Optional<Session> findByThread(String channel, String thread) {
        return querySession(
                "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE channel = ? AND thread = ?", channel, thread);
    }

    @Override
    public List<Contribution> contributions(long sessionId) {
        String sql = "SELECT " + Rows.CONTRIBUTION_COLUMNS + " FROM contributions WHERE session_id = ? ORDER BY id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Contribution> contributions = new ArrayList<>();
                while (rows.next()) {
                    contributions.add(Rows.contribution(rows));
                }
                return contributions;
            }
        } catch (SQLException failure) {
            throw new StoreException("reading contributions of session " + sessionId, failure);
        }
    }

    @Override
    public Optional<String> noticeUrl(long sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT notice_url FROM sessions WHERE id = ?")) {
            statement.setLong(1, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new StoreException("reading where to reach the starter of session " + sessionId, failure);
        }
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }

    private Optional<Session> querySession(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Rows.session(rows)) : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new StoreException("reading a session", failure);
        }
    }
}
