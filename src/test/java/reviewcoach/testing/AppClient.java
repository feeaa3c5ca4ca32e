package reviewcoach.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends requests to the app under test over real HTTP, the way Slack and a load balancer's health check would;
 * thread-safe.
 *
 * <p>{@code java.net.http} refuses to set {@code Host}, {@code Content-Length}, {@code Connection}, {@code Expect} and
 * {@code Upgrade}; use {@link #sendRaw(byte[], Duration)} to send bytes it would not.
 */
public final class AppClient {

    /** Bolt's single endpoint for events, commands and interactivity. */
    public static final String EVENTS_PATH = "/slack/events";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI serverUrl;
    private final Duration timeout;
    private final HttpClient http;

    /** A client for the server at {@code serverUrl}, e.g. {@code http://127.0.0.1:8080}, with a 10 s timeout. */
    public AppClient(URI serverUrl) {
        this(serverUrl, DEFAULT_TIMEOUT);
    }

    /** A client for the server at {@code serverUrl} whose requests give up after {@code timeout}. */
    public AppClient(URI serverUrl, Duration timeout) {
        this.serverUrl = serverUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** A client for {@code http://127.0.0.1:<port>}. */
    public static AppClient onLocalPort(int port) {
        return new AppClient(URI.create("http://127.0.0.1:" + port));
    }

    /** POSTs a Slack request to {@value #EVENTS_PATH}. */
    public Reply send(SignedRequest request) {
        return send(EVENTS_PATH, request);
    }

    /** POSTs a Slack request to another path. */
    public Reply send(String path, SignedRequest request) {
        return post(path, request.contentType(), request.body().getBytes(UTF_8), request.headers());
    }

    /** GETs a path, e.g. {@code /healthz}. */
    public Reply get(String path) {
        return exchange(HttpRequest.newBuilder(serverUrl.resolve(path)).GET());
    }

    /** POSTs any bytes with any (allowed) headers, for hostile-input tests. */
    public Reply post(String path, String contentType, byte[] body, Map<String, String> headers) {
        return exchange("POST", path, contentType, body, headers);
    }

    /**
     * Sends any method (except those {@code java.net.http} refuses, such as CONNECT) with any bytes and (allowed)
     * headers, for hostile-input tests.
     */
    public Reply exchange(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(serverUrl.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return exchange(request);
    }

    /**
     * Writes raw bytes (a whole HTTP request, however malformed) to the server's socket and returns everything it
     * answers until it closes the connection or {@code readTimeout} passes.
     */
    public String sendRaw(byte[] rawRequest, Duration readTimeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(serverUrl.getHost(), serverUrl.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(rawRequest);
            out.flush();
            return new String(readUntilClosedOrTimeout(socket.getInputStream()), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Raw request to " + serverUrl + " failed", e);
        }
    }

    private Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            return new Reply(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException("Request to " + serverUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + serverUrl, e);
        }
    }

    private static byte[] readUntilClosedOrTimeout(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException quietServer) {
            // The server kept the connection open; what arrived so far is the answer.
        }
        return received.toByteArray();
    }

    /**
     * The app's answer: status, body and headers (header names case-insensitive).
     *
     * @param headers as {@code java.net.http} reports them; empty for none
     */
    public record Reply(int status, String body, Map<String, List<String>> headers) {

        /** The first value of a header, or null if absent. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        /** The body parsed as JSON; throws {@link AssertionError} if it is not JSON. */
        public JsonNode json() {
            try {
                return SlackJson.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Reply is not JSON (status " + status + "): " + body, e);
            }
        }
    }
}
