package reviewcoach.dialogue;

import java.util.Objects;

/** What came of an {@link Input}: the dialogue's decision, which the service records and then tells the team. */
public sealed interface Outcome {

    /** A new line was kept; the coach accepted it or questioned it (see {@link Contribution#concern()}). */
    record Recorded(Contribution contribution) implements Outcome {
        public Recorded {
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
        SAME_TEXT
    }
}
