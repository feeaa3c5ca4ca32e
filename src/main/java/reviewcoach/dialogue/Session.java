package reviewcoach.dialogue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One team's walk through one review: where it happens, who started it, and which step it is on.
 *
 * @param id the store's id for the session
 * @param workspace the workspace (team) the session belongs to
 * @param channel the conversation the session's thread is in
 * @param thread the id of the message that opens the thread, or null while the session is {@link SessionStatus#OPENING}
 * @param starter the user who started the session
 * @param review the review being worked through
 * @param step the step the team is on
 * @param status whether the session is opening, open or finished
 * @param startedAt when it was started
 * @param finishedAt when it was finished, or null
 * @param chosenThought the message id of the thought the team picked as the one that stings most, or null
 * @param believability how believable the team rated its new thought, 1 to 10, or null before they rated it
 */
public record Session(
        long id,
        String workspace,
        String channel,
        String thread,
        String starter,
        Review review,
        Step step,
        SessionStatus status,
        Instant startedAt,
        Instant finishedAt,
        String chosenThought,
        Integer believability) {

    public Session {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        if (status != SessionStatus.OPENING && thread == null) {
            throw new IllegalArgumentException("an open or finished session has a thread");
        }
        if (believability != null && (believability < 1 || believability > 10)) {
            throw new IllegalArgumentException("believability is 1 to 10, got " + believability);
        }
        if (status == SessionStatus.FINISHED && finishedAt == null) {
            throw new IllegalArgumentException("a finished session knows when it finished");
        }
    }

    public boolean isFinished() {
        return status == SessionStatus.FINISHED;
    }

    public Optional<String> threadIfOpened() {
        return Optional.ofNullable(thread);
    }

    /** A new session, waiting for its thread. */
    public static Session opening(
            long id, String workspace, String channel, String starter, Review review, Instant startedAt) {
        return new Session(
                id,
                workspace,
                channel,
                null,
                starter,
                review,
                Step.first(),
                SessionStatus.OPENING,
                startedAt,
                null,
                null,
                null);
    }

    public Session atStep(Step newStep) {
        return new Session(
                id,
                workspace,
                channel,
                thread,
                starter,
                review,
                newStep,
                status,
                startedAt,
                finishedAt,
                chosenThought,
                believability);
    }

    public Session finishedAt(Instant when) {
        return new Session(
                id,
                workspace,
                channel,
                thread,
                starter,
                review,
                step,
                SessionStatus.FINISHED,
                startedAt,
                when,
                chosenThought,
                believability);
    }

    public Session openedIn(String newThread) {
        return openedIn(channel, newThread);
    }

    /** Opened in a conversation other than the one it was started for, as a direct message is. */
    public Session openedIn(String newChannel, String newThread) {
        return new Session(
                id,
                workspace,
                newChannel,
                newThread,
                starter,
                review,
                step,
                SessionStatus.OPEN,
                startedAt,
                finishedAt,
                chosenThought,
                believability);
    }

    /** The same session, its thread found in another conversation (see {@link #openedIn(String, String)}). */
    public Session movedTo(String newChannel) {
        return new Session(
                id,
                workspace,
                newChannel,
                thread,
                starter,
                review,
                step,
                status,
                startedAt,
                finishedAt,
                chosenThought,
                believability);
    }

    public Session withChosenThought(String messageId) {
        return new Session(
                id,
                workspace,
                channel,
                thread,
                starter,
                review,
                step,
                status,
                startedAt,
                finishedAt,
                messageId,
                believability);
    }

    /** A new thought was written: the old rating was about another thought. */
    public Session withoutRating() {
        return new Session(
                id,
                workspace,
                channel,
                thread,
                starter,
                review,
                step,
                status,
                startedAt,
                finishedAt,
                chosenThought,
                null);
    }

    public Session ratedBelievable(int rating) {
        return new Session(
                id,
                workspace,
                channel,
                thread,
                starter,
                review,
                step,
                status,
                startedAt,
                finishedAt,
                chosenThought,
                rating);
    }
}
