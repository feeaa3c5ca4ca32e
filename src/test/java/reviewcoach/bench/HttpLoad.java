package reviewcoach.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A small HTTP/1.1 load generator over keep-alive connections to 127.0.0.1, in the manner of wrk: each thread runs a
 * selector over its own connections. Closed loop (each connection sends its next request as soon as the answer to the
 * last arrives) or open loop (requests due at a fixed rate, latency counted from when each was due). Every run stops
 * by itself: no new requests after the duration, and at most {@link #GRACE} more to collect answers in flight.
 */
final class HttpLoad {

    /** How long answers still in flight at the end are awaited. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final long HIGHEST_MICROS = 120_000_000L;

    /** Told when each request of an open-loop run is due, with its key. */
    interface SendListener {
        void due(String key, long dueNanos);
    }

    /**
     * What a run produced.
     *
     * @param completed answers that arrived within the duration
     * @param ok answers with status 200, whenever they arrived (what the server acted on)
     * @param failures non-200 answers and broken connections
     * @param seconds the duration
     * @param latencyMicros latency of the answers counted in {@code completed}
     */
    record Result(long completed, long ok, long failures, double seconds, Histogram latencyMicros) {

        double throughput() {
            return completed / seconds;
        }

        double p99Millis() {
            return latencyMicros.getValueAtPercentile(99.0) / 1000.0;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        static Result merge(List<Result> parts, double seconds) {
            Histogram all = newHistogram();
            long completed = 0;
            long ok = 0;
            long failures = 0;
            for (Result part : parts) {
                all.add(part.latencyMicros);
                completed += part.completed;
                ok += part.ok;
                failures += part.failures;
            }
            return new Result(completed, ok, failures, seconds, all);
        }
    }

    private HttpLoad() {}

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Closed loop: {@code connections} connections spread over {@code threads} threads, each with its own source. */
    static Result closedLoop(
            int port, int connections, int threads, Duration duration, Supplier<RequestSource> sources) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<Result>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = connections / threads + (t < connections % threads ? 1 : 0);
                RequestSource source = sources.get();
                parts.add(pool.submit(() -> new ClosedLoop(port, share, source, deadline).run()));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> part : parts) {
                results.add(part.get());
            }
            return Result.merge(results, duration.toNanos() / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("load thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends one request on a new connection and returns the status of its answer. */
    static int sendOnce(int port, byte[] request) {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            channel.socket().setSoTimeout(10_000);
            channel.write(ByteBuffer.wrap(request));
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (HttpResponses.completeLength(in) < 0) {
                if (channel.read(in) < 0) {
                    throw new IOException("server closed the connection before answering");
                }
            }
            return HttpResponses.status(in);
        } catch (IOException e) {
            throw new UncheckedIOException("request to port " + port + " failed", e);
        }
    }

    /** Open loop: one request due every {@code 1/perSecond} s, sent on whichever of the connections is free. */
    static Result openLoop(
            int port,
            int connections,
            double perSecond,
            Duration duration,
            RequestSource source,
            SendListener listener) {
        try {
            return new OpenLoop(port, connections, perSecond, duration, source, listener).run();
        } catch (IOException e) {
            throw new UncheckedIOException("open-loop load failed", e);
        }
    }

    /** One keep-alive connection and the request on it. */
    private static final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        long startedNanos;

        Connection(Selector selector, int port) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
        }

        void send(byte[] request, long startNanos) throws IOException {
            startedNanos = startNanos;
            out = ByteBuffer.wrap(request);
            in.clear();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Advances the exchange; returns the length of a complete answer in {@link #in}, or -1. */
        int progress() throws IOException {
            if (key.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return -1;
            }
            if (channel.read(in) < 0) {
                throw new IOException("server closed the connection");
            }
            if (!in.hasRemaining()) {
                throw new IOException("answer larger than " + in.capacity() + " bytes");
            }
            return HttpResponses.completeLength(in);
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static final class ClosedLoop {
        private final int port;
        private final int connectionCount;
        private final RequestSource source;
        private final long deadline;
        private final Histogram latency = newHistogram();
        private long completed;
        private long ok;
        private long failures;

        ClosedLoop(int port, int connectionCount, RequestSource source, long deadline) {
            this.port = port;
            this.connectionCount = connectionCount;
            this.source = source;
            this.deadline = deadline;
        }

        Result run() throws IOException {
            try (Selector selector = Selector.open()) {
                List<Connection> open = new ArrayList<>();
                for (int i = 0; i < connectionCount; i++) {
                    Connection connection = new Connection(selector, port);
                    open.add(connection);
                    connection.send(source.next().bytes(), System.nanoTime());
                }
                int inFlight = open.size();
                long hardStop = deadline + GRACE.toNanos();
                while (inFlight > 0 && System.nanoTime() < hardStop) {
                    selector.select(100);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        if (!key.isValid()) {
                            continue;
                        }
                        Connection connection = (Connection) key.attachment();
                        Connection next = step(selector, connection, open);
                        if (next == null) {
                            inFlight--;
                        }
                    }
                }
                open.forEach(Connection::close);
                return new Result(completed, ok, failures + inFlight, 0, latency);
            }
        }

        /** Moves one connection on; returns the connection now carrying a request, or null when it stopped. */
        private Connection step(Selector selector, Connection connection, List<Connection> open) throws IOException {
            int length;
            try {
                length = connection.progress();
            } catch (IOException broken) {
                failures++;
                connection.close();
                open.remove(connection);
                if (System.nanoTime() >= deadline) {
                    return null;
                }
                Connection fresh = new Connection(selector, port);
                open.add(fresh);
                fresh.send(source.next().bytes(), System.nanoTime());
                return fresh;
            }
            if (length < 0) {
                return connection;
            }
            long now = System.nanoTime();
            int status = HttpResponses.status(connection.in);
            boolean closes = HttpResponses.closes(connection.in, length);
            if (status == 200) {
                ok++;
            } else {
                failures++;
            }
            if (now <= deadline) {
                completed++;
                latency.recordValue(Math.min(HIGHEST_MICROS, (now - connection.startedNanos) / 1000));
            }
            Connection carrier = connection;
            if (closes) {
                connection.close();
                open.remove(connection);
                if (now >= deadline) {
                    return null;
                }
                carrier = new Connection(selector, port);
                open.add(carrier);
            }
            if (now >= deadline) {
                return null;
            }
            carrier.send(source.next().bytes(), now);
            return carrier;
        }
    }

    private static final class OpenLoop {
        private final int port;
        private final int connectionCount;
        private final long intervalNanos;
        private final Duration duration;
        private final RequestSource source;
        private final SendListener listener;
        private final Histogram latency = newHistogram();

        OpenLoop(
                int port,
                int connectionCount,
                double perSecond,
                Duration duration,
                RequestSource source,
                SendListener listener) {
            this.port = port;
            this.connectionCount = connectionCount;
            this.intervalNanos = (long) (1e9 / perSecond);
            this.duration = duration;
            this.source = source;
            this.listener = listener;
        }

        Result run() throws IOException {
            long completed = 0;
            long ok = 0;
            long failures = 0;
            try (Selector selector = Selector.open()) {
                ArrayDeque<Connection> idle = new ArrayDeque<>();
                for (int i = 0; i < connectionCount; i++) {
                    idle.add(new Connection(selector, port));
                }
                long start = System.nanoTime() + 1_000_000;
                long deadline = start + duration.toNanos();
                long hardStop = deadline + GRACE.toNanos();
                long nextDue = start;
                int busy = 0;
                while (System.nanoTime() < hardStop) {
                    long now = System.nanoTime();
                    while (nextDue <= now && nextDue < deadline && !idle.isEmpty()) {
                        Connection connection = idle.poll();
                        RequestSource.Request request = source.next();
                        listener.due(request.key(), nextDue);
                        connection.send(request.bytes(), nextDue);
                        busy++;
                        nextDue += intervalNanos;
                    }
                    if (nextDue >= deadline && busy == 0) {
                        break;
                    }
                    long waitMillis = nextDue < deadline && !idle.isEmpty() ? (nextDue - now) / 1_000_000 : 50;
                    if (waitMillis <= 0) {
                        selector.selectNow();
                    } else {
                        selector.select(waitMillis);
                    }
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        if (!key.isValid()) {
                            continue;
                        }
                        Connection connection = (Connection) key.attachment();
                        int length;
                        try {
                            length = connection.progress();
                        } catch (IOException broken) {
                            failures++;
                            busy--;
                            connection.close();
                            idle.add(new Connection(selector, port));
                            continue;
                        }
                        if (length < 0) {
                            continue;
                        }
                        long done = System.nanoTime();
                        busy--;
                        if (HttpResponses.status(connection.in) == 200) {
                            ok++;
                        } else {
                            failures++;
                        }
                        completed++;
                        latency.recordValue(Math.min(HIGHEST_MICROS, (done - connection.startedNanos) / 1000));
                        if (HttpResponses.closes(connection.in, length)) {
                            connection.close();
                            idle.add(new Connection(selector, port));
                        } else {
                            idle.add(connection);
                        }
                    }
                }
                for (SelectionKey key : selector.keys()) {
                    ((Connection) key.attachment()).close();
                }
                return new Result(completed, ok, failures + busy, duration.toNanos() / 1e9, latency);
            }
        }
    }
}
