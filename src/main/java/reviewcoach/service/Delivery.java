package reviewcoach.service;

import java.util.Objects;

/**
 * One message owed to Slack, as the outbox holds it.
 *
 * @param id the outbox id; deliveries of one session that wait their turn are sent in id order
 * @param sessionId the session it belongs to
 * @param kind what to send
 * @param subject what it is about (a step name or a message id), or null
 * @param attempts how many times sending it has failed so far
 */
public record Delivery(long id, long sessionId, DeliveryKind kind, String subject, int attempts) {
    public Delivery {
        Objects.requireNonNull(kind, "kind");
    }
}
