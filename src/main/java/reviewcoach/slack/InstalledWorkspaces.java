package reviewcoach.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the app installed to many workspaces, a request from a workspace it is not installed in (any more) is answered
 * at once and goes no further: nothing is stored for a workspace whose messages could never be sent. {@code /review}
 * says how to install again; everything else is simply acknowledged. The uninstall events themselves always pass.
 */
final class InstalledWorkspaces implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(InstalledWorkspaces.class);
    private static final Set<String> ALWAYS_PASS = Set.of("app_uninstalled", "tokens_revoked");

    static final String NOT_INSTALLED = "Review Coach isn't installed in this workspace any more, so it can't answer"
            + " here. Ask a workspace admin to install it again; nothing you sent was kept.";

    private final Predicate<String> isInstalled;

    /** @param isInstalled whether the app is installed in a workspace, given its id */
    InstalledWorkspaces(Predicate<String> isInstalled) {
        this.isInstalled = isInstalled;
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's interface uses the raw type
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        String workspace = request.getContext().getTeamId();
        if (workspace == null || passesAnyway(request) || isInstalled.test(workspace)) {
            return chain.next(request);
        }
        log.info("request={} from a workspace the app is not installed in; not handled", request.getRequestType());
        if (request.getRequestType() == RequestType.Command) {
            return Response.json(200, "{\"response_type\":\"ephemeral\",\"text\":\"" + NOT_INSTALLED + "\"}");
        }
        return Response.ok();
    }

    private static boolean passesAnyway(Request<?> request) {
        return request instanceof EventRequest event && ALWAYS_PASS.contains(event.getEventType());
    }
}
