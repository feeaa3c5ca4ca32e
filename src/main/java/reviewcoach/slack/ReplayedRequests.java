package reviewcoach.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.service.SessionService;

/**
 * Acts on each signed command or interaction once. Slack's signature stays valid for five minutes, so a request
 * captured on the way could be sent again within them and start a second session; events carry an id and are
 * de-duplicated by it, but commands and interactions do not. Their signature identifies them instead: Slack never sends
 * the same one twice (each carries its own trigger id and timestamp). A request seen before is answered with an empty
 * 200 and nothing else. Requests without a signature (Socket Mode) are left as they are. Thread-safe.
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

    /** Fits the 64 characters the handled-events table keeps per key. */
    private static final int KEY_HEX_CHARACTERS = 48;

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
        if (!sessions.firstSighting(key(signature))) {
            log.info("request={} was seen before (same signature); answered 200 and ignored", request.getRequestType());
            return Response.ok();
        }
        return chain.next(request);
    }

    private static String key(String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(UTF_8));
            return "request:" + HexFormat.of().formatHex(digest).substring(0, KEY_HEX_CHARACTERS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
