package reviewcoach.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import reviewcoach.config.Policy;
import reviewcoach.dialogue.Dialogue;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.service.ChannelPacer;
import reviewcoach.service.Delivery;
import reviewcoach.service.DeliverySender;
import reviewcoach.service.OfficeSettings;
import reviewcoach.service.Offices;
import reviewcoach.service.Outbox;
import reviewcoach.service.ReplayKeys;
import reviewcoach.service.SessionService;
import reviewcoach.service.StartRequest;
import reviewcoach.service.ThreadMessage;
import reviewcoach.store.JdbcOutbox;
import reviewcoach.store.JdbcSessionStore;

/**
 * {@code java -jar review-coach.jar rehearse}: the same dialogue and coach in a terminal, for trying it or practising
 * alone. The session is kept in the same database as the Slack sessions.
 */
public final class Rehearsal {

    /** Where rehearsal sessions live, in place of a Slack channel. */
    static final String CHANNEL = "TERMINAL";

    private static final String AUTHOR = "terminal";

    private final SessionService sessions;
    private final Outbox outbox;
    private final DeliverySender sender;
    private final Clock clock;
    private final PrintStream out;
    private long lineCount;

    public Rehearsal(DataSource dataSource, Clock clock, PrintStream out) {
        JdbcSessionStore store = new JdbcSessionStore(dataSource);
        this.outbox = new JdbcOutbox(dataSource, "rehearsal-" + UUID.randomUUID(), Duration.ofMinutes(2));
        this.sender = new DeliverySender(
                store,
                new TerminalGateway(out),
                Offices.fixed(new OfficeSettings(CHANNEL, Set.of(), PracticeType.GENERAL)),
                new ChannelPacer(1, Duration.ZERO),
                clock);
        this.sessions =
                new SessionService(store, new Dialogue(CoachingRules.standard()), clock, () -> {}, Policy.defaults());
        this.clock = clock;
        this.out = out;
    }

    /** Runs one rehearsal, reading the review and then each line from the input until the session finishes. */
    public void run(BufferedReader in) throws IOException {
        out.println("Review Coach rehearsal. Paste the review, then an empty line:");
        String review = readReview(in);
        if (review.isBlank()) {
            out.println("No review, nothing to rehearse.");
            return;
        }
        Session session = sessions.start(new StartRequest(AUTHOR, CHANNEL, AUTHOR, Review.of(review), null));
        deliverOwed();
        String thread = "rehearsal-" + session.id();
        String line;
        out.print("> ");
        out.flush();
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                lineCount++;
                sessions.onReply(new ThreadMessage(
                        AUTHOR,
                        ReplayKeys.of(
                                clock.instant().getEpochSecond(),
                                UUID.randomUUID().toString()),
                        CHANNEL,
                        thread,
                        AUTHOR,
                        line,
                        "line-" + lineCount));
                deliverOwed();
                if (isFinished(session.id())) {
                    return;
                }
            }
            out.print("> ");
            out.flush();
        }
        out.println();
        out.println("Stopped before the end; the session is saved as session " + session.id() + ".");
    }

    private boolean isFinished(long sessionId) {
        return sessions.find(sessionId).map(Session::isFinished).orElse(true);
    }

    private static String readReview(BufferedReader in) throws IOException {
        StringBuilder review = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.isBlank()) {
            review.append(review.length() == 0 ? "" : "\n").append(line);
        }
        return review.toString().strip();
    }

    /** Says everything the session owes, in order, before reading the next line. */
    private void deliverOwed() {
        List<Delivery> due;
        while (!(due = outbox.claimDue(clock.instant(), 16)).isEmpty()) {
            for (Delivery delivery : due) {
                sender.send(delivery);
                outbox.markSent(delivery.id());
            }
        }
    }
}
