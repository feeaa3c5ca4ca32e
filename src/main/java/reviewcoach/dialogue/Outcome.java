package reviewcoach.dialogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What came of an {@link Input}: the dialogue's decision, which the service records and then tells the team. */
public sealed interface Outcome {

    /** A new line was kept; the coach accepted it or questioned it (see {@link Contribution#concern()}). */
    record Recorded(Contribution contribution) implements Outcome {
        public Recorded {
            Objects.requireNonNull(contribution, "contribution");
        }
    }

    /** A line showed someone in real distress: it is kept, not coached, and the coach answers with care. */
    record Cared(Contribution contribution) implements Outcome {
        public Cared {
            Objects.requireNonNull(contribution, "contribution");
        }
    }

    /** The session moved from one step to another. */
    record Moved(Step from, Step to) implements Outcome {
        public Moved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The session finished while on the given step. */
    record Finished(Step at) implements Outcome {
        public Finished {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The team has written several thoughts and should pick the one that stings most before moving on. */
    record PickNeeded(List<Contribution> thoughts) implements Outcome {
        public PickNeeded {
            thoughts = List.copyOf(thoughts);
        }
    }

    /** A thought was picked as the one that stings most; the session moved on when it was on the thought step. */
    record Picked(Contribution thought, Optional<Step> movedTo) implements Outcome {
        public Picked {
            Objects.requireNonNull(thought, "thought");
            Objects.requireNonNull(movedTo, "movedTo");
        }
    }

    /** The team should rate how believable its new thought is before moving on. */
    record RatingNeeded(Contribution newThought) implements Outcome {
        public RatingNeeded {
            Objects.requireNonNull(newThought, "newThought");
        }
    }

    /**
     * The new thought was rated; a believable one moves the session on, a hard-to-believe one keeps it here for a
     * stepping-stone thought.
     */
    record Rated(Contribution newThought, int rating, Optional<Step> movedTo) implements Outcome {
        public Rated {
            Objects.requireNonNull(newThought, "newThought");
            Objects.requireNonNull(movedTo, "movedTo");
        }

        public boolean believable() {
            return movedTo.isPresent();
        }
    }

    /** An edited line was kept with its new words and looked at again. */
    record Revised(Contribution before, Contribution after) implements Outcome {
        public Revised {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        /** True when the coach now thinks differently of the line than before the edit. */
        public boolean verdictChanged() {
            return before.isQuestioned() != after.isQuestioned();
        }
    }

    /** A deleted line was removed from the session. */
    record Withdrawn(Contribution removed) implements Outcome {
        public Withdrawn {
            Objects.requireNonNull(removed, "removed");
        }
    }

    /** Nothing changed, and why. */
    record Unchanged(Reason reason) implements Outcome {
        public Unchanged {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an input changed nothing. */
    enum Reason {
        /** The session has not opened its thread yet. */
        NOT_OPEN,
        /** The session is already finished. */
        ALREADY_FINISHED,
        /** A button from a step the session has already left. */
        STALE_STEP,
        /** "back" on the first step. */
        AT_FIRST_STEP,
        /** An edit that did not change the words. */
        SAME_TEXT,
        /** "pick" with a number no thought has. */
        NO_SUCH_THOUGHT,
        /** A rating with no new thought to rate, or away from the new-thought step. */
        NOTHING_TO_RATE,
        /** "done" from someone who neither started the session nor manages the team: only they may finish it. */
        NOT_STARTER
    }
}
