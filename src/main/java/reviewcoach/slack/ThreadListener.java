package reviewcoach.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import reviewcoach.service.ReplayKeys;
import reviewcoach.service.SessionService;
import reviewcoach.service.ThreadMessage;

/**
 * Turns thread replies, edits and deletions written by people into the service's inputs. Messages from bots (this
 * one included), top-level messages and anything incomplete or not shaped like Slack's (see {@link SlackFields}) are
 * acknowledged and left alone.
 *
 * @see <a href="https://docs.slack.dev/reference/events/message">The message event</a>
 */
final class ThreadListener {

    private final SessionService sessions;

    ThreadListener(SessionService sessions) {
        this.sessions = sessions;
    }

    Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent event = payload.getEvent();
        if (isPersonsReply(event.getThreadTs(), event.getTs(), event.getBotId(), event.getUser())
                && SlackFields.isText(event.getText())
                && isLocated(payload, event.getChannel())) {
            sessions.onReply(new ThreadMessage(
                    payload.getTeamId(),
                    eventKey(payload),
                    event.getChannel(),
                    event.getThreadTs(),
                    event.getUser(),
                    event.getText(),
                    event.getTs()));
        }
        return context.ack();
    }

    Response onChanged(EventsApiPayload<MessageChangedEvent> payload, EventContext context) {
        MessageChangedEvent event = payload.getEvent();
        MessageChangedEvent.Message message = event.getMessage();
        if (message != null
                && isPersonsReply(message.getThreadTs(), message.getTs(), message.getBotId(), message.getUser())
                && SlackFields.isText(message.getText())
                && isLocated(payload, event.getChannel())) {
            sessions.onEdit(new ThreadMessage(
                    payload.getTeamId(),
                    eventKey(payload),
                    event.getChannel(),
                    message.getThreadTs(),
                    message.getUser(),
                    message.getText(),
                    message.getTs()));
        }
        return context.ack();
    }

    Response onDeleted(EventsApiPayload<MessageDeletedEvent> payload, EventContext context) {
        MessageDeletedEvent event = payload.getEvent();
        MessageDeletedEvent.Message previous = event.getPreviousMessage();
        if (previous != null
                && SlackFields.isTs(previous.getThreadTs())
                && SlackFields.isTs(event.getDeletedTs())
                && !event.getDeletedTs().equals(previous.getThreadTs())
                && isLocated(payload, event.getChannel())) {
            sessions.onDelete(new ThreadMessage(
                    payload.getTeamId(),
                    eventKey(payload),
                    event.getChannel(),
                    previous.getThreadTs(),
                    null,
                    null,
                    event.getDeletedTs()));
        }
        return context.ack();
    }

    /** A reply in a thread (not the thread's first message), written by a person rather than a bot. */
    private static boolean isPersonsReply(String threadTs, String ts, String botId, String user) {
        return SlackFields.isTs(threadTs)
                && SlackFields.isTs(ts)
                && !threadTs.equals(ts)
                && botId == null
                && SlackFields.isId(user);
    }

    /** The key the event is remembered by once handled: the second Slack sent it (0 if it gave none), and its id. */
    private static String eventKey(EventsApiPayload<?> payload) {
        Integer second = payload.getEventTime();
        return ReplayKeys.of(second == null ? 0 : second, payload.getEventId());
    }

    /** The event has the id Slack gives every delivery and names the workspace and channel it happened in. */
    private static boolean isLocated(EventsApiPayload<?> payload, String channel) {
        return SlackFields.isEventId(payload.getEventId())
                && SlackFields.isId(payload.getTeamId())
                && SlackFields.isId(channel);
    }
}
