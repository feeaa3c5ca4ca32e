package reviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.service.ActionItemTransaction;
import reviewcoach.service.PostedMessage;
import reviewcoach.summary.FollowUp;

/** Action items and where summaries were posted, as SQL on the connection of one transaction. Not thread-safe. */
final class JdbcActionItems implements ActionItemTransaction {

    private static final String COLUMNS = "id, session_id, position, description, owner, due_date, done_at, done_by";
    private static final String OPEN = "OPEN";
    private static final String DONE = "DONE";

    private final Connection connection;

    JdbcActionItems(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void add(
            long sessionId, String workspace, int position, ActionItem item, Instant now, Instant nextReminderAt) {
        update(
                "keeping an action item",
                "INSERT INTO action_items (session_id, workspace, position, description, owner, due_date, status,"
                        + " created_at, next_reminder_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sessionId,
                workspace,
                position,
                item.description(),
                item.owner(),
                item.due(),
                OPEN,
                Rows.timestamp(now),
                Rows.timestamp(nextReminderAt));
    }

    @Override
    public List<FollowUp> ofSession(long sessionId) {
        return query(
                "reading action items",
                "SELECT " + COLUMNS + " FROM action_items WHERE session_id = ? ORDER BY position",
                sessionId);
    }

    @Override
    public Optional<FollowUp> lock(long itemId) {
        return query(
                        "locking an action item",
                        "SELECT " + COLUMNS + " FROM action_items WHERE id = ? FOR UPDATE",
                        itemId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean markDone(long itemId, String actor, Instant now) {
        return update(
                        "marking an action item done",
                        "UPDATE action_items SET status = ?, done_at = ?, done_by = ?, next_reminder_at = NULL"
                                + " WHERE id = ? AND status = ?",
                        DONE,
                        Rows.timestamp(now),
                        actor,
                        itemId,
                        OPEN)
                == 1;
    }

    @Override
    public void reassign(long itemId, String owner, Instant nextReminderAt) {
        update(
                "reassigning an action item",
                "UPDATE action_items SET owner = ?, owner_time_zone = NULL, next_reminder_at = ?, last_reminded_at ="
                        + " NULL WHERE id = ? AND status = ?",
                owner,
                Rows.timestamp(nextReminderAt),
                itemId,
                OPEN);
    }

    @Override
    public List<DueReminder> dueReminders(Instant now, int limit) {
        String sql = "SELECT id, session_id, next_reminder_at, owner_time_zone FROM action_items"
                + " WHERE status = ? AND next_reminder_at <= ? ORDER BY next_reminder_at, id FETCH FIRST ? ROWS ONLY";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            JdbcSessionTransaction.bind(statement, OPEN, Rows.timestamp(now), limit);
            List<DueReminder> due = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new DueReminder(
                            rows.getLong("id"),
                            rows.getLong("session_id"),
                            Rows.instant(rows, "next_reminder_at"),
                            rows.getString("owner_time_zone")));
                }
            }
            return due;
        } catch (SQLException failure) {
            throw new StoreException("reading due reminders", failure);
        }
    }

    @Override
    public boolean claimReminder(long itemId, Instant expected, Instant next, Instant now) {
        return update(
                        "claiming a reminder",
                        "UPDATE action_items SET next_reminder_at = ?, last_reminded_at = ?"
                                + " WHERE id = ? AND status = ? AND next_reminder_at = ?",
                        Rows.timestamp(next),
                        Rows.timestamp(now),
                        itemId,
                        OPEN,
                        Rows.timestamp(expected))
                == 1;
    }

    @Override
    public Optional<String> ownerTimeZone(long itemId) {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT owner_time_zone FROM action_items WHERE id = ?")) {
            JdbcSessionTransaction.bind(statement, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new StoreException("reading an owner's time zone", failure);
        }
    }

    @Override
    public void rememberTimeZone(long itemId, String zone, Instant firstReminderAt) {
        update("remembering a time zone", "UPDATE action_items SET owner_time_zone = ? WHERE id = ?", zone, itemId);
        update(
                "moving a first reminder to the owner's morning",
                "UPDATE action_items SET next_reminder_at = ? WHERE id = ? AND status = ? AND last_reminded_at IS NULL"
                        + " AND next_reminder_at IS NOT NULL",
                Rows.timestamp(firstReminderAt),
                itemId,
                OPEN);
    }

    @Override
    public void summaryPosted(long sessionId, PostedMessage message) {
        update(
                "remembering where a summary went",
                "UPDATE sessions SET summary_channel = ?, summary_message = ? WHERE id = ?",
                message.channel(),
                message.messageId(),
                sessionId);
    }

    @Override
    public Optional<PostedMessage> summaryOf(long sessionId) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT summary_channel, summary_message FROM sessions WHERE id = ? AND summary_message IS NOT NULL")) {
            JdbcSessionTransaction.bind(statement, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new PostedMessage(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new StoreException("reading where a summary went", failure);
        }
    }

    private List<FollowUp> query(String doing, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            JdbcSessionTransaction.bind(statement, parameters);
            List<FollowUp> items = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(new FollowUp(
                            rows.getLong("id"),
                            rows.getLong("session_id"),
                            rows.getInt("position"),
                            rows.getString("description"),
                            rows.getString("owner"),
                            rows.getObject("due_date", LocalDate.class),
                            Rows.instant(rows, "done_at"),
                            rows.getString("done_by")));
                }
            }
            return items;
        } catch (SQLException failure) {
            throw new StoreException(doing, failure);
        }
    }

    private int update(String doing, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            JdbcSessionTransaction.bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new StoreException(doing, failure);
        }
    }
}
