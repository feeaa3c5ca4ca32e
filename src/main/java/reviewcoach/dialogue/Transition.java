package reviewcoach.dialogue;

import java.util.Objects;

/**
 * The session after an input, and what happened.
 *
 * @param session the session as it is now (the same as before when nothing changed)
 * @param outcome what happened
 */
public record Transition(Session session, Outcome outcome) {
    public Transition {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean changedStep(Session before) {
        return before.step() != session.step() || before.status() != session.status();
    }
}
