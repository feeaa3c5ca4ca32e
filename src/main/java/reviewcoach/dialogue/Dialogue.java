package reviewcoach.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reviewcoach.dialogue.coaching.CoachingRule;
import reviewcoach.dialogue.coaching.CoachingRules;
import reviewcoach.dialogue.coaching.Concern;

/**
 * The session's rules: a pure function of (session, its lines, input, time) that says what the session becomes and
 * what happened.
 *
 * <p>Immutable and thread-safe.
 */
public final class Dialogue {

    /** A new thought rated below this is too big a jump for today; the coach offers stepping stones. */
    public static final int BELIEVABLE = 5;

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?]+$");
    private static final Pattern PICK = Pattern.compile("pick\\s*#?\\s*(\\d{1,3})");
    private static final Pattern RATING =
            Pattern.compile("(?:rating:?\\s*|i'?d say\\s*|we'?d say\\s*)?(\\d{1,2})\\s*(?:/\\s*10|out of 10)?");

    private final List<CoachingRule> rules;

    public Dialogue(List<CoachingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads a line written in a session's thread: the words {@code next}, {@code back} and {@code done} alone move the
     * session, {@code pick N} picks a thought, a number from 1 to 10 on the new-thought step rates it; anything else
     * is a contribution to the current step, read for that step (see {@link Reading}).
     *
     * <p>It depends on the session's step alone: a line interpreted before its session's transaction still holds in it
     * when the session is at the same step.
     *
     * @param step the step the session is at
     */
    public Input interpret(Step step, String author, String text, String messageId) {
        String words = TRAILING_PUNCTUATION
                .matcher(text.strip().toLowerCase(Locale.ROOT))
                .replaceAll("");
        switch (words) {
            case "next":
                return new Input.Advance(author, Optional.empty());
            case "back":
                return new Input.GoBack(author, Optional.empty());
            case "done":
            case "finish":
                return new Input.Finish(author);
            default:
                break;
        }
        Matcher pick = PICK.matcher(words);
        if (pick.matches()) {
            return new Input.Pick(author, Integer.parseInt(pick.group(1)));
        }
        Matcher rating = RATING.matcher(words);
        if (step == Step.NEW_THOUGHT && rating.matches()) {
            return new Input.Rate(author, Integer.parseInt(rating.group(1)));
        }
        return new Input.Contribute(author, text, messageId, Optional.of(read(step, text)));
    }

    /** What the coach makes of a line written at {@code step}. */
    public Reading read(Step step, String text) {
        boolean distress = Care.isDistress(text);
        return new Reading(step, text, distress, distress ? Optional.empty() : assess(step, text));
    }

    /** What the coach thinks of a line written for a step: a concern, or empty when the line is fine. */
    public Optional<Concern> assess(Step step, String text) {
        return CoachingRules.review(rules, step, text);
    }

    /** True when applying the input needs the session's lines; for other inputs an empty list will do. */
    public boolean needsLines(Input input) {
        return input instanceof Input.Advance || input instanceof Input.Pick || input instanceof Input.Rate;
    }

    /**
     * Applies one input to a session.
     *
     * @param lines the session's contributions so far, oldest first (see {@link #needsLines(Input)})
     */
    public Transition apply(Session session, List<Contribution> lines, Input input, Instant now) {
        if (session.status() == SessionStatus.OPENING) {
            return unchanged(session, Outcome.Reason.NOT_OPEN);
        }
        if (session.isFinished() && !(input instanceof Input.Revise || input instanceof Input.Withdraw)) {
            return unchanged(session, Outcome.Reason.ALREADY_FINISHED);
        }
        if (input instanceof Input.Contribute contribute) {
            return contribute(session, contribute, now);
        } else if (input instanceof Input.Advance advance) {
            return advance(session, lines, advance.from(), now);
        } else if (input instanceof Input.GoBack back) {
            return goBack(session, back.from());
        } else if (input instanceof Input.Finish) {
            return finish(session, now);
        } else if (input instanceof Input.Pick pick) {
            return Choices.pick(session, lines, pick.number(), now);
        } else if (input instanceof Input.Rate rate) {
            return Choices.rate(session, lines, rate.rating(), now);
        } else if (input instanceof Input.Revise revise) {
            return revise(session, revise, now);
        } else if (input instanceof Input.Withdraw withdraw) {
            return new Transition(session, new Outcome.Withdrawn(withdraw.original()));
        }
        throw new IllegalArgumentException("an input the dialogue does not know: " + input.getClass());
    }

    private Transition contribute(Session session, Input.Contribute input, Instant now) {
        Reading reading = input.reading()
                .filter(early -> early.step() == session.step())
                .orElseGet(() -> read(session.step(), input.text()));
        if (reading.distress()) {
            Contribution kept =
                    new Contribution(input.messageId(), session.step(), input.author(), input.text(), null, now);
            return new Transition(session, new Outcome.Cared(kept));
        }
        Concern concern = reading.concern().orElse(null);
        Contribution contribution =
                new Contribution(input.messageId(), session.step(), input.author(), input.text(), concern, now);
        Session after = session.step() == Step.NEW_THOUGHT && concern == null ? session.withoutRating() : session;
        return new Transition(after, new Outcome.Recorded(contribution));
    }

    private Transition advance(Session session, List<Contribution> lines, Optional<Step> from, Instant now) {
        if (from.isPresent() && from.get() != session.step()) {
            return unchanged(session, Outcome.Reason.STALE_STEP);
        }
        Optional<Transition> choiceFirst = Choices.beforeLeaving(session, lines);
        if (choiceFirst.isPresent()) {
            return choiceFirst.get();
        }
        return moveOn(Choices.withOnlyThoughtChosen(session, lines), now);
    }

    /** Moves to the next step, or finishes after the last. */
    static Transition moveOn(Session session, Instant now) {
        Optional<Step> next = session.step().next();
        if (next.isEmpty()) {
            return new Transition(session.finishedAt(now), new Outcome.Finished(session.step()));
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

    static Transition unchanged(Session session, Outcome.Reason reason) {
        return new Transition(session, new Outcome.Unchanged(reason));
    }
}
