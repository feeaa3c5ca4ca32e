package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.summary.PeriodPicture;

/**
 * Keeps each workspace's picture of the month: it is the same for everyone in the workspace (private sessions are
 * never in it), it is the costliest part of a home (it reads the month's sessions and feelings), and a minute-old
 * picture is as true as a fresh one for the person looking. The first home of a workspace waits for its picture,
 * drawn once however many homes ask at the same time; after that a home never waits for one: once a minute old, the
 * picture is drawn again in the background while homes show the last one. Thread-safe.
 */
final class PictureCache {

    /** How long a picture is shown before it is drawn again. */
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PictureCache.class);

    private record Key(String workspace, Instant monthStart) {}

    private record Drawn(PeriodPicture picture, Instant at) {}

    private final Clock clock;
    private final Executor redraws;
    private final Map<Key, Drawn> pictures = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Drawn>> drawing = new ConcurrentHashMap<>();

    /**
     * @param redraws where stale pictures are drawn again, off the threads that publish homes
     */
    PictureCache(Clock clock, Executor redraws) {
        this.clock = clock;
        this.redraws = redraws;
    }

    PeriodPicture get(String workspace, Instant monthStart, Supplier<PeriodPicture> draw) {
        Objects.requireNonNull(workspace, "workspace");
        Key key = new Key(workspace, monthStart);
        Instant now = clock.instant();
        Drawn drawn = pictures.get(key);
        if (drawn == null) {
            return firstDrawing(key, draw).join().picture();
        }
        if (drawn.at().plus(FRESH_FOR).isBefore(now) || drawn.at().isAfter(now)) {
            redrawInBackground(key, draw);
        }
        return drawn.picture();
    }

    /** The one drawing of a workspace's first picture that every home asking meanwhile waits for. */
    private CompletableFuture<Drawn> firstDrawing(Key key, Supplier<PeriodPicture> draw) {
        CompletableFuture<Drawn> mine = new CompletableFuture<>();
        CompletableFuture<Drawn> running = drawing.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        drawInto(mine, key, draw);
        return mine;
    }

    private void redrawInBackground(Key key, Supplier<PeriodPicture> draw) {
        CompletableFuture<Drawn> mine = new CompletableFuture<>();
        if (drawing.putIfAbsent(key, mine) != null) {
            return; // already being drawn
        }
        try {
            redraws.execute(() -> drawInto(mine, key, draw));
        } catch (RejectedExecutionException stopping) {
            drawing.remove(key, mine);
        }
    }

    private void drawInto(CompletableFuture<Drawn> result, Key key, Supplier<PeriodPicture> draw) {
        try {
            Drawn drawn = new Drawn(draw.get(), clock.instant());
            pictures.keySet().removeIf(old -> !old.monthStart().equals(key.monthStart()));
            pictures.put(key, drawn);
            result.complete(drawn);
        } catch (RuntimeException failure) {
            log.warn("the month's picture could not be drawn: {}", failure.toString());
            result.completeExceptionally(failure);
        } finally {
            drawing.remove(key, result);
        }
    }
}
