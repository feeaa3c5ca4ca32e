package reviewcoach.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.ReplayKeys;
import reviewcoach.service.SessionService;

/**
 * Acts on each signed command or interaction once. Slack's signature stays valid for five minutes, so a request
 * captured on the way could be sent again within them and start a second session; events carry an id and are
 * de-duplicated by it, but commands and interactions do not. Their signature identifies them instead: Slack never sends
 * the same one twice (each carries its own trigger id and timestamp). A request seen before is answered with an empty
 * 200 and nothing else. Requests without a signature (Socket Mode) are left as they are.
 *
 * <p>A {@code /review} that may start a session is remembered in the session's own transaction rather than in one of
 * its own before it (one commit, not two): its key waits in the request's context for {@link ReviewCommand} to take
 * ({@link #takeDeferredKey}). If the command ends without starting a session (it only answered, say that the review
 * is too long), the key is remembered afterwards, and a copy seen before gets the empty 200. Thread-safe.
 */
final class ReplayedRequests implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(ReplayedRequests.class);

    /** What the signature cannot tell apart from a retry: events (de-duplicated by id) and Slack's own checks. */
    private static final Set<RequestType> NOT_GUARDED = EnumSet.of(
            RequestType.Event,
            RequestType.UrlVerification,
            RequestType.SSLCheck,
            RequestType.OAuthStart,
            RequestType.OAuthCallback);

    /** With the second before it, fits the 64 characters the handled-events table keeps per key ({@link ReplayKeys}). */
    private static final int KEY_HEX_CHARACTERS = 48;

    /** Where a deferred key waits in the request's context. */
    private static final String DEFERRED_KEY = "review-coach.request-key";

    private final SessionService sessions;

    ReplayedRequests(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's interface uses the raw type
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (NOT_GUARDED.contains(request.getRequestType()) || request.getHeaders() == null) {
            return chain.next(request);
        }
        String signature = request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (signature == null || signature.isBlank()) {
            return chain.next(request);
        }
        String key = key(
                request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), signature);
        if (request instanceof SlashCommandRequest command && ReviewCommand.mayStartSession(command.getPayload())) {
            Map<String, String> values = request.getContext().getAdditionalValues();
            values.put(DEFERRED_KEY, key);
            Response answered = chain.next(request);
            if (values.remove(DEFERRED_KEY) != null && !sessions.firstSighting(key)) {
                return seenBefore(request);
            }
            return answered;
        }
        if (!sessions.firstSighting(key)) {
            return seenBefore(request);
        }
        return chain.next(request);
    }

    /**
     * The request's key, when this middleware left it for the handler to remember in its own transaction; taking it
     * tells the middleware that the handler did. Null when there is none.
     */
    static String takeDeferredKey(Context context) {
        return context.getAdditionalValues().remove(DEFERRED_KEY);
    }

    @SuppressWarnings("rawtypes") // Bolt's interface uses the raw type
    static Response seenBefore(Request request) {
        log.info("request={} was seen before (same signature); answered 200 and ignored", request.getRequestType());
        return Response.ok();
    }

    /** The signed second and a digest of the signature ({@link ReplayKeys}); a copy carries both unchanged. */
    static String key(String timestamp, String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(UTF_8));
            return ReplayKeys.of(
                    secondOf(timestamp), HexFormat.of().formatHex(digest).substring(0, KEY_HEX_CHARACTERS));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The signed timestamp's second; 0 when there is none to read (the signature check has refused those already). */
    private static long secondOf(String timestamp) {
        try {
            return timestamp == null ? 0 : Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
