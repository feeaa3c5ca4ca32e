package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes finished sessions older than the retention period, and handled event ids Slack can no longer retry. */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** Slack retries an event for about an hour at most; a day leaves room. */
    static final Duration EVENT_MEMORY = Duration.ofDays(1);

    private final SessionStore store;
    private final Duration keepFor;
    private final Clock clock;

    public Retention(SessionStore store, int retentionDays, Clock clock) {
        this.store = store;
        this.keepFor = Duration.ofDays(retentionDays);
        this.clock = clock;
    }

    /** Deletes what has expired; returns how many sessions went. */
    public int purge() {
        Instant now = clock.instant();
        int sessions = store.deleteFinishedBefore(now.minus(keepFor));
        int events = store.forgetEventsBefore(now.minus(EVENT_MEMORY));
        log.info(
                "retention: deleted {} finished sessions older than {} days, forgot {} old events",
                sessions,
                keepFor.toDays(),
                events);
        return sessions;
    }
}
