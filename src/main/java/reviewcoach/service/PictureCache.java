package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reviewcoach.summary.PeriodPicture;

/**
 * Keeps each workspace's picture of the month for a short while: it is the same for everyone in the workspace (private
 * sessions are never in it), it is the costliest part of a home, and a minute-old picture is as true as a fresh one
 * for the person looking. Thread-safe.
 */
final class PictureCache {

    /** How long a picture is shown before it is drawn again. */
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private record Key(String workspace, Instant monthStart) {}

    private record Drawn(PeriodPicture picture, Instant at) {}

    private final Clock clock;
    private final Map<Key, Drawn> pictures = new ConcurrentHashMap<>();

    PictureCache(Clock clock) {
        this.clock = clock;
    }

    PeriodPicture get(String workspace, Instant monthStart, Supplier<PeriodPicture> draw) {
        Objects.requireNonNull(workspace, "workspace");
        Key key = new Key(workspace, monthStart);
        Instant now = clock.instant();
        Drawn drawn = pictures.get(key);
        if (drawn == null
                || drawn.at().plus(FRESH_FOR).isBefore(now)
                || drawn.at().isAfter(now)) {
            drawn = new Drawn(draw.get(), now);
            pictures.keySet().removeIf(old -> !old.monthStart().equals(monthStart));
            pictures.put(key, drawn);
        }
        return drawn.picture();
    }
}
