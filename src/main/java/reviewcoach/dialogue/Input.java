package reviewcoach.dialogue;

import java.util.Objects;
import java.util.Optional;

/** Something a team member did in a session, in the dialogue's own words. */
public sealed interface Input {

    /**
     * A line written in the thread for the current step.
     *
     * @param reading what the coach made of the line when it was interpreted, if it was; the dialogue reads it again
     *     when the session is at another step by the time the line is applied
     */
    record Contribute(String author, String text, String messageId, Optional<Reading> reading) implements Input {
        public Contribute {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(reading, "reading");
            if (reading.isPresent() && !reading.get().text().equals(text)) {
                throw new IllegalArgumentException("a reading belongs to the line it read");
            }
        }

        /** A line not read yet. */
        public Contribute(String author, String text, String messageId) {
            this(author, text, messageId, Optional.empty());
        }
    }

    /**
     * Move on to the next step.
     *
     * @param from the step the person saw when they asked (a button knows it; typed text does not), or empty
     */
    record Advance(String actor, Optional<Step> from) implements Input {
        public Advance {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(from, "from");
        }
    }

    /** Go back to the previous step. */
    record GoBack(String actor, Optional<Step> from) implements Input {
        public GoBack {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(from, "from");
        }
    }

    /** Finish the session now, whatever step it is on. */
    record Finish(String actor) implements Input {
        public Finish {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The team picks, by its number, the thought that stings most. */
    record Pick(String actor, int number) implements Input {
        public Pick {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The team rates how believable its new thought is today, from 1 to 10. */
    record Rate(String actor, int rating) implements Input {
        public Rate {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** A line that was already contributed, edited to new words. */
    record Revise(Contribution original, String newText) implements Input {
        public Revise {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(newText, "newText");
        }
    }

    /** A line that was already contributed, deleted by its author. */
    record Withdraw(Contribution original) implements Input {
        public Withdraw {
            Objects.requireNonNull(original, "original");
        }
    }
}
