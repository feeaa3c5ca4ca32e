package reviewcoach.slack.socket;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.slack.HandlingFailures;

/**
 * Runs each Socket Mode envelope through the same Bolt app as {@code POST /slack/events} and acknowledges it, keeping
 * the HTTP side's promises. Whatever the app answered is acknowledged, its body sent back as the envelope's payload.
 * When handling fails (the database, most likely): an event is not acknowledged, so that Slack delivers it again with
 * {@code retry_attempt} as it would after a 503, and the dedupe by event id applies it once; a slash command is
 * acknowledged with a short apology only its sender sees, because Slack never sends a command again; a button press or
 * form is not acknowledged, so that Slack shows the person it did not go through and they can try again.
 *
 * @see <a href="https://docs.slack.dev/apis/events-api/using-socket-mode">Using Socket Mode</a>
 */
final class EnvelopeHandler implements WebSocketMessageListener {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeHandler.class);

    static final String DATABASE_APOLOGY = "Sorry, Review Coach cannot reach its records right now, so nothing was"
            + " saved. Please try again in a few minutes.";
    static final String APOLOGY =
            "Sorry, something went wrong on our side and nothing was saved. Please try again in a minute.";

    private final App app;
    private final SocketModeRequestParser parser;
    private final Consumer<String> acks;
    private final Executor workers;

    /**
     * @param acks sends one acknowledgement, a JSON text, over the current connection
     * @param workers runs envelopes side by side: the SDK reads them all on one thread
     */
    EnvelopeHandler(App app, Consumer<String> acks, Executor workers) {
        this.app = app;
        this.parser = new SocketModeRequestParser(app.config());
        this.acks = acks;
        this.workers = workers;
    }

    @Override
    public void handle(String message) {
        workers.execute(() -> run(message));
    }

    private void run(String message) {
        SocketModeRequest request;
        try {
            request = parser.parse(message);
        } catch (RuntimeException unreadable) {
            // Slack sends nothing Bolt cannot read; acknowledging stops it being sent again, as a 400 would.
            log.info(
                    "acknowledged a Socket Mode envelope Bolt cannot read ({})",
                    unreadable.getClass().getSimpleName());
            envelopeIdOf(message).ifPresent(id -> acks.accept(Acks.empty(id)));
            return;
        }
        if (request == null || request.getEnvelope().getEnvelopeId() == null) {
            return; // hello, and anything else that is not an envelope
        }
        String envelopeId = request.getEnvelope().getEnvelopeId();
        Response answer;
        try {
            answer = app.run(request.getBoltRequest());
        } catch (Exception failure) {
            onFailure(request, failure);
            return;
        }
        acks.accept(Acks.of(envelopeId, answer));
    }

    private void onFailure(SocketModeRequest request, Exception failure) {
        String type = request.getEnvelope().getType();
        boolean database = HandlingFailures.inDatabase(failure);
        String where = database ? "in the database" : "in the app";
        if (type.equals("slash_commands")) {
            log.error(
                    "envelope={} failed {}, told its sender to try again: {}",
                    type,
                    where,
                    HandlingFailures.describe(failure));
            acks.accept(Acks.ephemeral(request.getEnvelope().getEnvelopeId(), database ? DATABASE_APOLOGY : APOLOGY));
            return;
        }
        log.error(
                "envelope={} retry_attempt={} failed {}, not acknowledged so that Slack sends it again: {}",
                type,
                request.getEnvelope().getRetryAttempt(),
                where,
                HandlingFailures.describe(failure));
    }

    private static Optional<String> envelopeIdOf(String message) {
        try {
            JsonElement parsed = JsonParser.parseString(message);
            if (parsed.isJsonObject()) {
                JsonObject envelope = parsed.getAsJsonObject();
                JsonElement id = envelope.get("envelope_id");
                if (id != null && id.isJsonPrimitive()) {
                    return Optional.of(id.getAsString());
                }
            }
        } catch (RuntimeException notJson) {
            // nothing to acknowledge
        }
        return Optional.empty();
    }
}
