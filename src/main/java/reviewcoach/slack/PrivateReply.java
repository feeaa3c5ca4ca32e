package reviewcoach.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the person who pressed a button, privately, through the interaction's {@code response_url}. */
final class PrivateReply {

    private static final Logger log = LoggerFactory.getLogger(PrivateReply.class);

    private PrivateReply() {}

    /**
     * Sends an ephemeral answer; a failure is logged and dropped, because the press itself has been handled.
     *
     * @param replaceOriginal true to replace the ephemeral message the button was on (a list that is now done)
     */
    static void send(ActionContext context, String text, boolean replaceOriginal) {
        if (context.getResponseUrl() == null) {
            return;
        }
        try {
            context.respond(response -> response.responseType("ephemeral")
                    .replaceOriginal(replaceOriginal)
                    .text(text));
        } catch (IOException | RuntimeException failure) {
            log.warn("could not answer a button press: {}", failure.getClass().getSimpleName());
        }
    }
}
