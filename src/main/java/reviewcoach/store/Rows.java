package reviewcoach.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.SessionStatus;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.Concern;

/** Turns rows into the dialogue's values and back; the one place that knows the column names of both tables. */
final class Rows {

    static final String SESSION_COLUMNS = "id, workspace, channel, thread, starter, review_text, review_source,"
            + " review_rating, step, status, started_at, finished_at, chosen_thought, believability";
    static final String CONTRIBUTION_COLUMNS =
            "message_id, step, author, text, concern_quoted, concern_reason, written_at";
    /**
     * A contribution's columns beside its session's ({@code c} and {@code s}): its step, a name both tables have, is
     * read as {@code line_step} ({@link #line}).
     */
    static final String LINE_COLUMNS = "c.message_id, c.step AS line_step, c.author, c.text, c.concern_quoted,"
            + " c.concern_reason, c.written_at";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Rows() {}

    /** Each of {@code columns} (a list such as {@link #SESSION_COLUMNS}) qualified by {@code table}. */
    static String qualified(String table, String columns) {
        return Arrays.stream(columns.split(",\\s*"))
                .map(column -> table + "." + column)
                .collect(Collectors.joining(", "));
    }

    static Session session(ResultSet row) throws SQLException {
        int rating = row.getInt("review_rating");
        Review review =
                new Review(row.getString("review_text"), row.getString("review_source"), row.wasNull() ? null : rating);
        return new Session(
                row.getLong("id"),
                row.getString("workspace"),
                row.getString("channel"),
                row.getString("thread"),
                row.getString("starter"),
                review,
                Step.valueOf(row.getString("step")),
                SessionStatus.valueOf(row.getString("status")),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getString("chosen_thought"),
                nullableInt(row, "believability"));
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static Contribution contribution(ResultSet row) throws SQLException {
        return contribution(row, "step");
    }

    /** A contribution read with {@link #LINE_COLUMNS}. */
    static Contribution line(ResultSet row) throws SQLException {
        return contribution(row, "line_step");
    }

    private static Contribution contribution(ResultSet row, String stepColumn) throws SQLException {
        String reason = row.getString("concern_reason");
        Concern concern = reason == null ? null : new Concern(quoted(row.getString("concern_quoted")), reason);
        return new Contribution(
                row.getString("message_id"),
                Step.valueOf(row.getString(stepColumn)),
                row.getString("author"),
                row.getString("text"),
                concern,
                instant(row, "written_at"));
    }

    static String quotedJson(Concern concern) {
        if (concern == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(concern.quoted());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a list of strings always turns into JSON", impossible);
        }
    }

    static String reason(Concern concern) {
        return concern == null ? null : concern.reason();
    }

    /**
     * An instant as a value for a {@code TIMESTAMP WITH TIME ZONE} column. {@code OffsetDateTime} is the type JDBC 4.2
     * maps to it on H2 and PostgreSQL alike; {@code java.sql.Timestamp} would pass through the JVM's time zone.
     */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant, or null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> quoted(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException corrupt) {
            return List.of();
        }
    }
}
