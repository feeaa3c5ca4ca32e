package reviewcoach.service;

/** Each kind of message the service owes the team; kept in the outbox until Slack has it. */
public enum DeliveryKind {
    /** Post the review and the opening words; its message becomes the session's thread. */
    OPEN_THREAD,
    /** Post the prompt for a step (subject: the step). */
    PROMPT,
    /** Mark an accepted contribution with a reaction (subject: its message id). */
    ACKNOWLEDGE,
    /** Answer a line that shows real distress with care and real help (subject: its message id). */
    CARE,
    /** Reply to a questioned contribution, quoting what the coach questions (subject: its message id). */
    QUESTION,
    /** Ask the team to pick the thought that stings most, listing the thoughts. */
    PICK_PROMPT,
    /** Ask the team how believable the new thought is (subject: its message id). */
    RATING_PROMPT,
    /** Show the response paths that fit who the reviewer is, with drafts (subject: the reviewer kind). */
    PLAN_PATHS,
    /** Offer smaller, more believable thoughts after a low rating (subject: the rating). */
    STEPPING_STONES,
    /** Bring the opening message up to date: the step and the model so far. */
    REFRESH_ROOT,
    /** Tell someone privately that only the session's starter or a manager can finish it (subject: their id). */
    FINISH_REFUSED,
    /** Post the manager summary. */
    SUMMARY,
    /** Post a private session's summary to the team, because its starter chose to share it. */
    SHARED_SUMMARY,
    /** Say in the thread that the session is finished and where the summary went. */
    CLOSING_NOTE,
    /** Post the digest to the summary channel; belongs to no session (subject: the period's end, epoch seconds). */
    DIGEST,
    /** Bring the posted summary up to date in place, after an action item changed. */
    SUMMARY_UPDATE,
    /** Tell an owner, in a direct message, about their action items of the session (subject: the owner's id). */
    OWNER_DM,
    /** Bring an owner's message listing their items up to date (subject: owner, channel and message id). */
    OWNER_DM_UPDATE,
    /** Remind an owner of an open action item that is due or overdue (subject: the item's id). */
    REMINDER;

    /**
     * Whether it waits its turn behind what its session already owes, so that the team reads the bot's messages in the
     * order they were owed. Only the reaction on an accepted line does not: it marks a message already in the thread,
     * so it may go before or after anything else, and waiting would only make the team wait for it.
     */
    public boolean waitsItsTurn() {
        return this != ACKNOWLEDGE;
    }
}
