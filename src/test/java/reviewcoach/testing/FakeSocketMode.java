package reviewcoach.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A loopback WebSocket server standing in for Slack's Socket Mode endpoint: each {@link #nextUrl()} (what the fake
 * Web API's {@code apps.connections.open} hands out) is good for one connection, which is greeted with {@code hello};
 * the test sends envelopes shaped like Slack's and reads the acknowledgements; it can drop the connection or ask for
 * a refresh as Slack does. Thread-safe.
 *
 * @see <a href="https://docs.slack.dev/apis/events-api/using-socket-mode">Using Socket Mode</a>
 */
public final class FakeSocketMode implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/link/";

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger tickets = new AtomicInteger();
    private final AtomicInteger envelopes = new AtomicInteger();
    private final List<Session> sessions = new ArrayList<>();
    private final List<JsonNode> acks = new ArrayList<>();

    private FakeSocketMode() {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(
                server, container -> container.addMapping(PATH, (request, response, callback) -> new Endpoint())));
    }

    /** Starts the fake on a free port of 127.0.0.1. */
    public static FakeSocketMode start() {
        FakeSocketMode fake = new FakeSocketMode();
        try {
            fake.server.start();
        } catch (Exception failure) {
            throw new IllegalStateException("could not start the fake Socket Mode server", failure);
        }
        return fake;
    }

    /** A fresh URL like Slack's, {@code ws://127.0.0.1:<port>/link/?ticket=<n>&app_id=<app>}. */
    public String nextUrl() {
        return "ws://127.0.0.1:" + connector.getLocalPort() + PATH + "?ticket=" + tickets.incrementAndGet() + "&app_id="
                + TestWorkspace.APP_ID;
    }

    /** Connections opened so far, closed ones included. */
    public synchronized int connections() {
        return sessions.size();
    }

    /** Waits until no connection is open any more, as after the client closed its socket. */
    public void awaitAllClosed(Duration timeout) {
        await(() -> current().isEmpty(), timeout, "every connection to close");
    }

    /** Waits until {@code count} connections were opened and the newest is open. */
    public void awaitConnections(int count, Duration timeout) {
        await(() -> connections() >= count && current().isPresent(), timeout, "" + count + " connections");
    }

    /** A {@code slash_commands} envelope carrying the command's fields as a JSON object; returns its envelope id. */
    public String sendSlashCommand(SlashCommand command) {
        ObjectNode payload = JSON.createObjectNode();
        command.fields().forEach(payload::put);
        return send("slash_commands", payload, true, null);
    }

    /** An {@code events_api} envelope around an {@code event_callback}; {@code retryAttempt} 0 for a first delivery. */
    public String sendEvent(ObjectNode eventCallback, int retryAttempt) {
        return send("events_api", eventCallback, false, retryAttempt);
    }

    /** An {@code interactive} envelope around an interactivity payload (a button press, a form). */
    public String sendInteraction(ObjectNode payload) {
        return send("interactive", payload, true, null);
    }

    private String send(String type, ObjectNode payload, boolean acceptsResponsePayload, Integer retryAttempt) {
        String envelopeId = String.format("env-%04d-%s", envelopes.incrementAndGet(), type);
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId);
        envelope.set("payload", payload);
        envelope.put("type", type).put("accepts_response_payload", acceptsResponsePayload);
        if (retryAttempt != null) {
            envelope.put("retry_attempt", retryAttempt).put("retry_reason", retryAttempt == 0 ? "" : "timeout");
        }
        sendText(envelope.toString());
        return envelopeId;
    }

    /** Slack's notice that this connection will close and the client should open a new one. */
    public void sendDisconnect(String reason) {
        ObjectNode message = JSON.createObjectNode().put("type", "disconnect").put("reason", reason);
        message.putObject("debug_info").put("host", "applink-fake");
        sendText(message.toString());
    }

    /** Closes the newest connection from the server's side, as when Slack drops it. */
    public void dropConnection() {
        current().ifPresent(session -> session.close(StatusCode.SHUTDOWN, "going away", Callback.NOOP));
    }

    /** Waits for the acknowledgement of an envelope and returns it. */
    public JsonNode awaitAck(String envelopeId, Duration timeout) {
        await(() -> ack(envelopeId).isPresent(), timeout, "the ack of " + envelopeId);
        return ack(envelopeId).orElseThrow();
    }

    /** Every acknowledgement of an envelope so far. */
    public synchronized List<JsonNode> acks(String envelopeId) {
        return acks.stream()
                .filter(ack -> envelopeId.equals(ack.path("envelope_id").asText()))
                .toList();
    }

    private Optional<JsonNode> ack(String envelopeId) {
        return acks(envelopeId).stream().findFirst();
    }

    private void sendText(String text) {
        Session session = current().orElseThrow(() -> new AssertionError("no open Socket Mode connection"));
        Callback.Completable sent = new Callback.Completable();
        session.sendText(text, sent);
        sent.join();
    }

    private synchronized Optional<Session> current() {
        return sessions.isEmpty()
                ? Optional.empty()
                : Optional.of(sessions.get(sessions.size() - 1)).filter(Session::isOpen);
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", interrupted);
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception failure) {
            throw new UncheckedIOException(new IOException("could not stop the fake Socket Mode server", failure));
        }
    }

    /** One connection: greets with hello, records every text as an acknowledgement, answers pings. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
            synchronized (FakeSocketMode.this) {
                sessions.add(opened);
            }
            ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("num_connections", 1);
            hello.putObject("connection_info").put("app_id", TestWorkspace.APP_ID);
            hello.putObject("debug_info").put("host", "applink-fake").put("approximate_connection_time", 18060);
            opened.sendText(hello.toString(), Callback.NOOP);
        }

        @Override
        public void onWebSocketText(String text) {
            try {
                JsonNode ack = JSON.readTree(text);
                synchronized (FakeSocketMode.this) {
                    acks.add(ack);
                }
            } catch (IOException notJson) {
                throw new AssertionError("the client sent something that is not JSON: " + text, notJson);
            }
        }

        @Override
        public void onWebSocketPing(ByteBuffer payload) {
            session.sendPong(payload, Callback.NOOP);
        }
    }
}
