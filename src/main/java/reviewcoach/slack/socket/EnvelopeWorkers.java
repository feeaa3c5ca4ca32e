package reviewcoach.slack.socket;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that handle Socket Mode envelopes side by side, as Jetty's threads do requests over HTTP. The queue is
 * bounded: when it is full the reading thread handles the envelope itself, which slows reading instead of holding
 * ever more in memory; after shutdown an envelope is dropped unacknowledged, so Slack sends it again.
 */
final class EnvelopeWorkers {

    /** Envelopes handled at once; each takes a database transaction or two. */
    private static final int THREADS = 8;
    /** Envelopes read but not yet handled. */
    private static final int BACKLOG = 1_000;

    private EnvelopeWorkers() {}

    static ThreadPoolExecutor create() {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(
                THREADS,
                THREADS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKLOG),
                runnable -> {
                    Thread thread = new Thread(runnable, "socket-mode-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
