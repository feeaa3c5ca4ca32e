package reviewcoach.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The small pools that do a listener's work after Slack's ack: a few daemon threads that end when idle, and a bounded
 * queue whose overflow the caller decides (drop the oldest, or run on the caller's thread).
 */
final class BoundedThreads {

    private BoundedThreads() {}

    static ThreadPoolExecutor of(String name, int threads, int waiting, RejectedExecutionHandler whenFull) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(waiting),
                runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                },
                whenFull);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
