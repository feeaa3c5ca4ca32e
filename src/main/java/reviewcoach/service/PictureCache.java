package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.summary.PeriodPicture;

/**
 * Keeps each workspace's picture of the month: it is the same for everyone in the workspace (private sessions are
 * never in it), it is the costliest part of a home (it reads the month's sessions and feelings), and a minute-old
 * picture is as true as a fresh one for the person looking. A picture is always drawn in the background, once however
 * many homes ask at the same time. The first homes of a workspace wait for it a little, then go without it (their
 * publisher shows them again once it is drawn, see {@link #whenDrawn}); after that a home never waits for one: once a
 * minute old, the picture is drawn again while homes show the last one, and each drawing is handed the last (see
 * {@link MonthPicture}: it keeps the earlier days' counts). Thread-safe.
 */
final class PictureCache {

    /** How long a picture is shown before it is drawn again. */
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PictureCache.class);

    /** Draws a workspace's month, given its last drawing (whose earlier days it may keep), if there is one. */
    @FunctionalInterface
    interface Drawing {
        MonthPicture draw(Optional<MonthPicture> last);
    }

    private record Key(String workspace, Instant monthStart) {}

    private record Drawn(MonthPicture month, Instant at) {}

    private final Clock clock;
    private final Executor drawings;
    private final Map<Key, Drawn> pictures = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Drawn>> drawing = new ConcurrentHashMap<>();

    /**
     * @param drawings where every picture is drawn, the first and each redraw, off the threads that publish homes
     */
    PictureCache(Clock clock, Executor drawings) {
        this.clock = clock;
        this.drawings = drawings;
    }

    /**
     * The workspace's picture of the month; empty when none is drawn yet and the first drawing takes longer than
     * {@code firstWait}.
     */
    Optional<PeriodPicture> get(String workspace, Instant monthStart, Duration firstWait, Drawing draw) {
        Objects.requireNonNull(workspace, "workspace");
        Key key = new Key(workspace, monthStart);
        Instant now = clock.instant();
        Drawn drawn = pictures.get(key);
        if (drawn == null) {
            return firstDrawing(key, draw, firstWait);
        }
        if (drawn.at().plus(FRESH_FOR).isBefore(now) || drawn.at().isAfter(now)) {
            drawInBackground(key, draw);
        }
        return Optional.of(drawn.month().picture());
    }

    /**
     * Runs {@code then} once the workspace's picture of the month is drawn: at once if it is, after the drawing under
     * way otherwise; never if that drawing fails (the next home asks again).
     */
    void whenDrawn(String workspace, Instant monthStart, Runnable then) {
        Key key = new Key(workspace, monthStart);
        CompletableFuture<Drawn> running = drawing.get(key);
        if (running != null) {
            running.thenRun(then);
        } else if (pictures.containsKey(key)) {
            then.run();
        }
    }

    /** Starts the workspace's first drawing, or joins the one under way, and waits up to {@code wait} for it. */
    private Optional<PeriodPicture> firstDrawing(Key key, Drawing draw, Duration wait) {
        CompletableFuture<Drawn> running = drawInBackground(key, draw);
        try {
            return Optional.of(
                    running.get(wait.toNanos(), TimeUnit.NANOSECONDS).month().picture());
        } catch (TimeoutException | ExecutionException stillDrawingOrFailed) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Draws the picture on the background executor, unless it is being drawn already; returns that drawing. */
    private CompletableFuture<Drawn> drawInBackground(Key key, Drawing draw) {
        CompletableFuture<Drawn> mine = new CompletableFuture<>();
        CompletableFuture<Drawn> running = drawing.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        try {
            drawings.execute(() -> drawInto(mine, key, draw));
        } catch (RejectedExecutionException stopping) {
            drawing.remove(key, mine);
            mine.completeExceptionally(stopping);
        }
        return mine;
    }

    private void drawInto(CompletableFuture<Drawn> result, Key key, Drawing draw) {
        try {
            Optional<MonthPicture> last = Optional.ofNullable(pictures.get(key)).map(Drawn::month);
            Drawn drawn = new Drawn(draw.draw(last), clock.instant());
            pictures.keySet().removeIf(old -> !old.monthStart().equals(key.monthStart()));
            pictures.put(key, drawn);
            drawing.remove(key, result);
            result.complete(drawn);
        } catch (RuntimeException failure) {
            log.warn("the month's picture could not be drawn: {}", failure.toString());
            drawing.remove(key, result);
            result.completeExceptionally(failure);
        }
    }
}
