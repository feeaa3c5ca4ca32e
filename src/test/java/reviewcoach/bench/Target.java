package reviewcoach.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server under test as its own operating-system process (the app's shaded jar, or a floor from the test class
 * path): started on a free loopback port, timed to its first healthy {@code /healthz}, and watched through
 * {@code /proc} for resident memory and CPU time. Not thread-safe except {@link #residentKb()}.
 */
final class Target implements AutoCloseable {

    /** What is being measured. */
    enum Kind {
        APP("Review Coach"),
        BOLT("minimal Bolt app"),
        BARE("bare Jetty servlet");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    final Kind kind;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path folder;
    private java.util.function.Consumer<String> seeder;
    private String postgresUrl;
    private Process process;
    private int port;
    private volatile long peakResidentKb;

    private Target(Kind kind, List<String> command, Map<String, String> environment, Path folder) {
        this.kind = kind;
        this.command = command;
        this.environment = environment;
        this.folder = folder;
    }

    /**
     * The app from its shaded jar, on a fresh H2 database in {@code folder} at every start; with its class-data
     * archive when the build made one next to the jar, as README.md starts it.
     */
    static Target app(Path jar, List<String> javaOptions, Map<String, String> environment, Path folder) {
        List<String> command = new ArrayList<>(javaCommand(javaOptions));
        Path archive = classArchive(jar);
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return new Target(Kind.APP, command, environment, folder);
    }

    /** The class-data archive {@code mvn package} makes beside the jar: {@code review-coach.jsa}. */
    static Path classArchive(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.replaceFirst("\\.jar$", "") + ".jsa");
    }

    /** A floor's main class, run from this JVM's class path. */
    static Target floor(
            Kind kind, Class<?> main, List<String> javaOptions, Map<String, String> environment, Path folder) {
        List<String> command = new ArrayList<>(javaCommand(javaOptions));
        command.addAll(List.of("-cp", absoluteClassPath(), main.getName()));
        return new Target(kind, command, environment, folder);
    }

    /** This JVM's class path with every entry absolute, since the servers run in folders of their own. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> javaCommand(List<String> javaOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        return command;
    }

    /**
     * Fills the database of the measured run (start 0) before the process starts; the timed starts keep a fresh one.
     *
     * @param fill takes the database's JDBC URL
     */
    Target seededWith(java.util.function.Consumer<String> fill) {
        this.seeder = fill;
        return this;
    }

    /**
     * Runs the app on this PostgreSQL database instead of a fresh H2 file; its public schema is emptied before every
     * start, so that each start, like each H2 start, begins with a database the migrations have not touched.
     */
    Target onPostgres(String url) {
        this.postgresUrl = url;
        return this;
    }

    private String databaseUrl(Path workDirectory) {
        if (postgresUrl == null || kind != Kind.APP) {
            return "jdbc:h2:file:" + workDirectory.resolve("data/review-coach").toAbsolutePath();
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(postgresUrl);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException("could not empty the PostgreSQL schema for the benchmark", failure);
        }
        return postgresUrl;
    }

    /** Starts the process and waits for {@code /healthz} to answer 200; returns how long that took. */
    Duration start(int startNumber) throws IOException, InterruptedException {
        port = freePort();
        Path workDirectory = Files.createDirectories(folder.resolve(kind.name().toLowerCase() + "-" + startNumber));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("output.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        String databaseUrl = databaseUrl(workDirectory);
        builder.environment().put("DATABASE_URL", databaseUrl);
        if (startNumber == 0 && seeder != null) {
            seeder.accept(databaseUrl);
        }
        peakResidentKb = 0;
        long begin = System.nanoTime();
        process = builder.start();
        long limit = begin + START_LIMIT.toNanos();
        while (!isHealthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind.title + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(workDirectory.resolve("output.log")));
            }
            if (System.nanoTime() > limit) {
                throw new IllegalStateException(kind.title + " not healthy after " + START_LIMIT.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** The process's resident memory now, in KiB (0 if unknown); also updates the peak. */
    long residentKb() {
        Process running = process;
        if (running == null) {
            return 0;
        }
        long resident = statusField(running.pid(), "VmRSS:");
        peakResidentKb = Math.max(peakResidentKb, resident);
        return resident;
    }

    /** The highest resident memory seen by sampling, and the kernel's high-water mark, whichever is higher. */
    long peakResidentKb() {
        Process running = process;
        long highWater = running == null ? 0 : statusField(running.pid(), "VmHWM:");
        return Math.max(peakResidentKb, highWater);
    }

    /** CPU time used by the process so far (user + system), in seconds. */
    double cpuSeconds() {
        return cpuSecondsOf(process.pid());
    }

    static double cpuSecondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(
                            line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has stopped
        }
        return 0;
    }

    private boolean isHealthy() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = in.readNBytes(12);
            return new String(statusLine, US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
