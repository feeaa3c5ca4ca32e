package reviewcoach.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import java.io.IOException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the person who pressed a button, privately, through the interaction's {@code response_url}, on threads of
 * its own: the press is acknowledged at once, however slowly Slack takes the answer. When too many answers wait, the
 * request's own thread sends one, so none is lost. Thread-safe.
 */
final class PrivateReply {

    private static final Logger log = LoggerFactory.getLogger(PrivateReply.class);
    private static final int THREADS = 2;
    private static final int WAITING = 256;

    private final ThreadPoolExecutor senders =
            BoundedThreads.of("private-reply", THREADS, WAITING, new ThreadPoolExecutor.CallerRunsPolicy());

    /**
     * Sends an ephemeral answer; a failure is logged and dropped, because the press itself has been handled.
     *
     * @param replaceOriginal true to replace the ephemeral message the button was on (a list that is now done)
     */
    void send(ActionContext context, String text, boolean replaceOriginal) {
        if (context.getResponseUrl() == null) {
            return;
        }
        senders.execute(() -> {
            try {
                context.respond(response -> response.responseType("ephemeral")
                        .replaceOriginal(replaceOriginal)
                        .text(text));
            } catch (IOException | RuntimeException failure) {
                log.warn(
                        "could not answer a button press: {}",
                        failure.getClass().getSimpleName());
            }
        });
    }
}
