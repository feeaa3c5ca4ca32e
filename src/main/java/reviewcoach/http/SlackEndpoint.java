package reviewcoach.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.slack.HandlingFailures;

/**
 * Slack's one endpoint, {@code POST /slack/events}. Before anything parses a body it refuses one that is too large
 * (413), not signed by Slack within five minutes of now (401) or not UTF-8 (400); a body Bolt cannot read gets a 400.
 * A plain message no listener would act on (see {@link IgnorableEvents}) is answered 200 without Bolt reading it.
 * When handling fails, the answer says nothing about why: 503 when the database failed, so that Slack sends an event
 * again later, and 500 for anything else. Every error body is the {@link JsonErrorHandler}'s.
 */
final class SlackEndpoint extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

    /** Far above anything Slack sends (a 40,000-character message with its blocks is well under 1 MB). */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final String NO_RETRY_HEADER = "X-Slack-No-Retry";

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient SignatureCheck signatures;
    private final transient Supplier<String> ourBotUser;

    /** @param ourBotUser the app's bot user id once known (see {@link IgnorableEvents#isIgnorable}), else null */
    SlackEndpoint(App app, SignatureCheck signatures, Supplier<String> ourBotUser) {
        this.app = app;
        this.parser = requestParser(app.config());
        this.signatures = signatures;
        this.ourBotUser = ourBotUser;
    }

    /** Bolt's parser of requests, with its first look at each body made by {@link StreamingPayloadExtractor}. */
    static SlackRequestParser requestParser(AppConfig config) {
        SlackRequestParser parser = new SlackRequestParser(config);
        parser.setJsonPayloadExtractor(new StreamingPayloadExtractor(parser.getJsonPayloadExtractor()));
        return parser;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            RequestBodies.discard(request, response);
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<byte[]> body = RequestBodies.read(request, response, MAX_BODY_BYTES);
        if (body.isEmpty()) {
            log.info("refused a request body over {} bytes", MAX_BODY_BYTES);
            refuseForGood(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String timestamp = request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!signatures.isSignedBySlack(timestamp, signature, body.get())) {
            log.info("refused a request without a valid, current Slack signature");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (IgnorableEvents.isIgnorable(body.get(), ourBotUser.get())) {
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        Optional<Request<?>> slackRequest = decode(body.get()).flatMap(text -> parse(request, text));
        if (slackRequest.isEmpty()) {
            refuseForGood(response, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        run(slackRequest.get(), response);
    }

    /**
     * Refuses a request that can never succeed, and tells Slack not to send it again if it was an event: its retries
     * could only fail the same way.
     *
     * @see <a href="https://docs.slack.dev/apis/events-api/#retries">Events API retries</a>
     */
    private static void refuseForGood(HttpServletResponse response, int status) throws IOException {
        response.setHeader(NO_RETRY_HEADER, "1");
        response.sendError(status);
    }

    /** Slack sends UTF-8 whatever the content type says; anything else is not from Slack. */
    private static Optional<String> decode(byte[] body) {
        try {
            return Optional.of(UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            log.info("refused a signed request whose body is not UTF-8");
            return Optional.empty();
        }
    }

    /** Bolt's reading of the body, or empty when it is not shaped like anything Slack sends. */
    private Optional<Request<?>> parse(HttpServletRequest request, String body) {
        try {
            return Optional.ofNullable(parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getRequestURI())
                    .queryString(QueryStringParser.toMap(request.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(request)))
                    .requestBody(body)
                    .remoteAddress(request.getRemoteAddr())
                    .build()));
        } catch (RuntimeException malformed) {
            log.info(
                    "refused a signed request Bolt cannot read ({})",
                    malformed.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void run(Request<?> slackRequest, HttpServletResponse response) throws IOException {
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception failure) {
            if (HandlingFailures.inDatabase(failure)) {
                log.error(
                        "request={} failed in the database, answered 503 so that Slack can send it again: {}",
                        slackRequest.getRequestType(),
                        HandlingFailures.describe(failure));
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                log.error("request={} failed: {}", slackRequest.getRequestType(), HandlingFailures.describe(failure));
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
            return;
        }
        ServletAdapterOps.writeResponse(response, answer);
    }
}
