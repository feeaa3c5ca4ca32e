package reviewcoach.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import reviewcoach.dialogue.coaching.CoachingRule;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.dialogue.coaching.Concern;

/**
 * The session's rules: a pure function of (session, input, time) that says what the session becomes and what happened.
 *
 * <p>Immutable and thread-safe.
 */
public final class Dialogue {

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?]+$");

    private final List<CoachingRule> rules;

    public Dialogue(List<CoachingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads a line written in a session's thread: the words {@code next}, {@code back} and {@code done} alone move the
     * session; anything else is a contribution to the current step.
     */
    public Input interpret(String author, String text, String messageId) {
        String word = TRAILING_PUNCTUATION
                .matcher(text.strip().toLowerCase(Locale.ROOT))
                .replaceAll("");
        return switch (word) {
            case "next" -> new Input.Advance(author, Optional.empty());
            case "back" -> new Input.GoBack(author, Optional.empty());
            case "done", "finish" -> new Input.Finish(author);
            default -> new Input.Contribute(author, text, messageId);
        };
    }

    /** What the coach thinks of a line written for a step: a concern, or empty when the line is fine. */
    public Optional<Concern> assess(Step step, String text) {
        return CoachingRules.review(rules, step, text);
    }

    /** Applies one input to a session. */
    public Transition apply(Session session, Input input, Instant now) {
        if (session.status() == SessionStatus.OPENING) {
            return unchanged(session, Outcome.Reason.NOT_OPEN);
        }
        if (session.isFinished() && !(input instanceof Input.Revise || input instanceof Input.Withdraw)) {
            return unchanged(session, Outcome.Reason.ALREADY_FINISHED);
        }
        if (input instanceof Input.Contribute contribute) {
            return contribute(session, contribute, now);
        } else if (input instanceof Input.Advance advance) {
            return advance(session, advance.from(), now);
        } else if (input instanceof Input.GoBack back) {
            return goBack(session, back.from());
        } else if (input instanceof Input.Finish) {
            return finish(session, now);
        } else if (input instanceof Input.Revise revise) {
            return revise(session, revise, now);
        } else if (input instanceof Input.Withdraw withdraw) {
            return new Transition(session, new Outcome.Withdrawn(withdraw.original()));
        }
        throw new IllegalArgumentException("an input the dialogue does not know: " + input.getClass());
    }

    private Transition contribute(Session session, Input.Contribute input, Instant now) {
        Concern concern = assess(session.step(), input.text()).orElse(null);
        Contribution contribution =
                new Contribution(input.messageId(), session.step(), input.author(), input.text(), concern, now);
        return new Transition(session, new Outcome.Recorded(contribution));
    }

    private Transition advance(Session session, Optional<Step> from, Instant now) {
        if (from.isPresent() && from.get() != session.step()) {
            return unchanged(session, Outcome.Reason.STALE_STEP);
        }
        Optional<Step> next = session.step().next();
        if (next.isEmpty()) {
            return finish(session, now);
        }
        return new Transition(session.atStep(next.get()), new Outcome.Moved(session.step(), next.get()));
    }

    private Transition goBack(Session session, Optional<Step> from) {
        if (from.isPresent() && from.get() != session.step()) {
            return unchanged(session, Outcome.Reason.STALE_STEP);
        }
        Optional<Step> previous = session.step().previous();
        if (previous.isEmpty()) {
            return unchanged(session, Outcome.Reason.AT_FIRST_STEP);
        }
        return new Transition(session.atStep(previous.get()), new Outcome.Moved(session.step(), previous.get()));
    }

    private Transition finish(Session session, Instant now) {
        return new Transition(session.finishedAt(now), new Outcome.Finished(session.step()));
    }

    private Transition revise(Session session, Input.Revise input, Instant now) {
        Contribution before = input.original();
        if (before.text().equals(input.newText())) {
            return unchanged(session, Outcome.Reason.SAME_TEXT);
        }
        Concern concern = assess(before.step(), input.newText()).orElse(null);
        Contribution after =
                new Contribution(before.messageId(), before.step(), before.author(), input.newText(), concern, now);
        return new Transition(session, new Outcome.Revised(before, after));
    }

    private static Transition unchanged(Session session, Outcome.Reason reason) {
        return new Transition(session, new Outcome.Unchanged(reason));
    }
}
