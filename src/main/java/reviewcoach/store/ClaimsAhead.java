package reviewcoach.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reviewcoach.dialogue.Session;

/**
 * The events of a group's pieces claimed, and their sessions locked, ahead of the pieces, in one round trip
 * (PostgreSQL): each piece then finds its claim made and its session read, rather than making them with a round trip
 * of its own while every later piece of the group waits. A piece takes its event's claim once. A session read ahead
 * is given to the pieces that ask for it until one of them changes it, and to none once other work of the group has
 * run (which may have changed it); a later piece then reads it again, under the lock the group already holds. Not
 * thread-safe: one committer's, for one group.
 */
final class ClaimsAhead {

    /** An event's claim with its session's lock, which a piece says it makes first. */
    record EventClaim(String eventId, Instant now, long sessionId) {}

    /** Work that begins with a claim the group may make ahead; {@code claim()} may be null (none to make ahead). */
    interface Claiming {
        EventClaim claim();
    }

    /**
     * The claims and the locks, one text whatever the group's size (the events and sessions go as arrays), so that
     * PostgreSQL's driver prepares it once on each connection and the server plans it once, not once for each size.
     */
    private static final String CLAIMS = "INSERT INTO processed_events (event_id, handled_at)"
            + " SELECT * FROM unnest(?::varchar[], ?::varchar[]::timestamptz[]) ON CONFLICT DO NOTHING"
            + " RETURNING event_id;\n"
            + "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions WHERE id = ANY (?) ORDER BY id FOR UPDATE";

    /** No claims made ahead (nothing in it ever changes: it has nothing to take or drop). */
    private static final ClaimsAhead NONE = new ClaimsAhead(Map.of(), Map.of());

    /** No claims made ahead: every piece makes its own. */
    static ClaimsAhead none() {
        return NONE;
    }

    /** Whether each event was claimed now (true) or had been handled before (false); taken once each. */
    private final Map<String, Boolean> events;
    /** The sessions read and locked ahead, by id, with those that do not exist as empty. */
    private final Map<Long, Optional<Session>> sessions;

    private ClaimsAhead(Map<String, Boolean> events, Map<Long, Optional<Session>> sessions) {
        this.events = events;
        this.sessions = sessions;
    }

    /**
     * Claims every event and locks every session of {@code claims}, in one round trip of two statements: the events'
     * insert, which skips those handled already (and waits, as a plain insert would, for one another transaction is
     * handling), then the sessions' lock, in the order of their ids. An event named twice is claimed for its first
     * piece only; the second makes its own claim, which finds it handled.
     */
    static ClaimsAhead make(Connection connection, List<EventClaim> claims) throws SQLException {
        Map<String, Instant> firstClaims = new LinkedHashMap<>();
        List<Long> sessionIds = new ArrayList<>();
        for (EventClaim claim : claims) {
            firstClaims.putIfAbsent(claim.eventId(), claim.now());
            if (!sessionIds.contains(claim.sessionId())) {
                sessionIds.add(claim.sessionId());
            }
        }
        Map<String, Boolean> events = new HashMap<>();
        Map<Long, Optional<Session>> sessions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CLAIMS)) {
            Array eventIds =
                    connection.createArrayOf("varchar", firstClaims.keySet().toArray());
            Array handledAt = connection.createArrayOf(
                    "varchar",
                    firstClaims.values().stream().map(Instant::toString).toArray());
            Array ids = connection.createArrayOf("bigint", sessionIds.toArray());
            statement.setArray(1, eventIds);
            statement.setArray(2, handledAt);
            statement.setArray(3, ids);
            firstClaims.keySet().forEach(eventId -> events.put(eventId, false));
            statement.execute();
            try (ResultSet claimed = statement.getResultSet()) {
                while (claimed.next()) {
                    events.put(claimed.getString(1), true);
                }
            }
            statement.getMoreResults();
            sessionIds.forEach(id -> sessions.put(id, Optional.empty()));
            try (ResultSet locked = statement.getResultSet()) {
                while (locked.next()) {
                    Session session = Rows.session(locked);
                    sessions.put(session.id(), Optional.of(session));
                }
            }
            eventIds.free();
            handledAt.free();
            ids.free();
        }
        return new ClaimsAhead(events, sessions);
    }

    /** Whether this event was claimed ahead and not yet taken; its session, then, is to be locked by the piece. */
    boolean hasEvent(String eventId) {
        return events.containsKey(eventId);
    }

    /** Takes the event's claim made ahead: true when it was claimed now, false when it had been handled before. */
    boolean takeEvent(String eventId) {
        return events.remove(eventId);
    }

    /**
     * The session read and locked ahead (empty when there is no such session); null when it was not read ahead, or may
     * have changed since.
     */
    Optional<Session> session(long sessionId) {
        return sessions.get(sessionId);
    }

    /** Drops a session read ahead: the group is changing it. */
    void changed(long sessionId) {
        if (!sessions.isEmpty()) {
            sessions.remove(sessionId);
        }
    }

    /** Drops the sessions read ahead: other work of the group is about to run, which may change them. */
    void forgetSessions() {
        if (!sessions.isEmpty()) {
            sessions.clear();
        }
    }
}
