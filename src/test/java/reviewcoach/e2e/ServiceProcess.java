package reviewcoach.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import reviewcoach.testing.AppClient;

/** The service as its own operating-system process, started from the test class path, so it can be killed. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code reviewcoach.Main} in a new JVM with exactly the given environment, in the given folder. */
    static ServiceProcess start(Path workingDirectory, Map<String, String> environment) throws IOException {
        int port = environment.containsKey("PORT") ? Integer.parseInt(environment.get("PORT")) : 0;
        Path log = Files.createTempFile(workingDirectory, "service", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "reviewcoach.Main"))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), log, port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /healthz} answers 200. */
    ServiceProcess awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        AppClient client = new AppClient(java.net.URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1));
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (client.get("/healthz").status() == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not become healthy:\n" + output());
    }

    AppClient client() {
        return AppClient.onLocalPort(port);
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code once it has stopped. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not exit");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
