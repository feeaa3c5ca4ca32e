package reviewcoach.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 400 when Bolt cannot read a payload's fields into Slack's types (an object where Slack sends text, say). Only
 * a payload Slack never sent does that, so the fault is the request's; sending it again cannot help, and Slack is told
 * not to.
 */
final class UnreadablePayloads implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(UnreadablePayloads.class);

    @Override
    @SuppressWarnings("rawtypes") // Bolt's interface uses the raw type
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        try {
            return chain.next(request);
        } catch (JsonParseException unreadable) {
            log.info("request={} has fields Bolt cannot read; answered 400", request.getRequestType());
            Response refused = Response.json(400, "{\"error\":\"Bad Request\"}");
            refused.getHeaders().put("X-Slack-No-Retry", List.of("1"));
            return refused;
        }
    }
}
