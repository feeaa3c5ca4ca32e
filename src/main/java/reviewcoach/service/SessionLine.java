package reviewcoach.service;

import java.util.Objects;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Session;

/** A contribution with the session it belongs to, read together (what a reaction on the line needs). */
public record SessionLine(Session session, Contribution line) {

    public SessionLine {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(line, "line");
    }
}
