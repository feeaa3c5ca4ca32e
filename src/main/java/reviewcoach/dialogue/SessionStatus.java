package reviewcoach.dialogue;

/** Where a session is in its life: waiting for its thread to exist, being worked on, or finished. */
public enum SessionStatus {
    /** Recorded, but the message that opens its thread is not posted yet. */
    OPENING,
    /** The team is working through the steps. */
    OPEN,
    /** Finished; the summary has been (or is being) sent. */
    FINISHED
}
