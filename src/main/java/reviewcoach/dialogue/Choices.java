package reviewcoach.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The two choices a team makes on the way: the thought that stings most, and how believable the new thought is. */
public final class Choices {

    private Choices() {}

    /** The thoughts the team wrote for the model as it is, oldest first; the ones to pick from. */
    public static List<Contribution> thoughts(List<Contribution> lines) {
        return lines.stream().filter(line -> line.step() == Step.THOUGHT).toList();
    }

    /** The new thought a rating is about: the latest one the coach accepted, else the latest written. */
    static Optional<Contribution> newThought(List<Contribution> lines) {
        List<Contribution> written =
                lines.stream().filter(line -> line.step() == Step.NEW_THOUGHT).toList();
        List<Contribution> accepted =
                written.stream().filter(line -> !line.isQuestioned()).toList();
        List<Contribution> candidates = accepted.isEmpty() ? written : accepted;
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1));
    }

    /** What the team must choose before leaving the current step, if anything. */
    static Optional<Transition> beforeLeaving(Session session, List<Contribution> lines) {
        if (session.step() == Step.THOUGHT
                && session.chosenThought() == null
                && thoughts(lines).size() > 1) {
            return Optional.of(new Transition(session, new Outcome.PickNeeded(thoughts(lines))));
        }
        if (session.step() == Step.NEW_THOUGHT && session.believability() == null) {
            return newThought(lines).map(thought -> new Transition(session, new Outcome.RatingNeeded(thought)));
        }
        return Optional.empty();
    }

    /** A single thought is the one that stings most without asking. */
    static Session withOnlyThoughtChosen(Session session, List<Contribution> lines) {
        List<Contribution> thoughts = thoughts(lines);
        if (session.step() == Step.THOUGHT && session.chosenThought() == null && thoughts.size() == 1) {
            return session.withChosenThought(thoughts.get(0).messageId());
        }
        return session;
    }

    static Transition pick(Session session, List<Contribution> lines, int number, Instant now) {
        List<Contribution> thoughts = thoughts(lines);
        if (number < 1 || number > thoughts.size()) {
            return Dialogue.unchanged(session, Outcome.Reason.NO_SUCH_THOUGHT);
        }
        Contribution thought = thoughts.get(number - 1);
        Session chosen = session.withChosenThought(thought.messageId());
        if (session.step() != Step.THOUGHT) {
            return new Transition(chosen, new Outcome.Picked(thought, Optional.empty()));
        }
        Transition moved = Dialogue.moveOn(chosen, now);
        return new Transition(
                moved.session(),
                new Outcome.Picked(thought, Optional.of(moved.session().step())));
    }

    static Transition rate(Session session, List<Contribution> lines, int rating, Instant now) {
        Optional<Contribution> thought = newThought(lines);
        if (session.step() != Step.NEW_THOUGHT || thought.isEmpty() || rating < 1 || rating > 10) {
            return Dialogue.unchanged(session, Outcome.Reason.NOTHING_TO_RATE);
        }
        Session rated = session.ratedBelievable(rating);
        if (rating < Dialogue.BELIEVABLE) {
            return new Transition(rated, new Outcome.Rated(thought.get(), rating, Optional.empty()));
        }
        Transition moved = Dialogue.moveOn(rated, now);
        return new Transition(
                moved.session(),
                new Outcome.Rated(
                        thought.get(), rating, Optional.of(moved.session().step())));
    }
}
