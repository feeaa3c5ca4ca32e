package reviewcoach.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.dialogue.Care;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;

/**
 * What a manager who was not in the thread needs: the review, every step with who said what, who took part, how long
 * it took, and where the thread is. Lines that showed someone in personal distress stay out of it.
 *
 * @param sessionId the session summarised
 * @param channel the conversation the session ran in
 * @param review the review
 * @param steps every step in order, each with its lines (possibly none)
 * @param participants everyone who wrote a line, in order of their first line
 * @param startedAt when the session started
 * @param finishedAt when it finished
 * @param threadLink a link to the thread, or null when Slack could not give one
 * @param chosenThought the thought the team picked as the one that stings most, or null
 * @param believability how believable the team rated its new thought (1 to 10), or null
 * @param followUps the action items agreed in the response plan, with their owners, due dates and state
 */
public record ManagerSummary(
        long sessionId,
        String channel,
        Review review,
        List<StepLines> steps,
        List<String> participants,
        Instant startedAt,
        Instant finishedAt,
        String threadLink,
        String chosenThought,
        Integer believability,
        List<FollowUp> followUps) {

    public ManagerSummary {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(review, "review");
        steps = List.copyOf(steps);
        followUps = List.copyOf(followUps);
        participants = List.copyOf(participants);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** One step and the lines written for it. */
    public record StepLines(Step step, List<Line> lines) {
        public StepLines {
            Objects.requireNonNull(step, "step");
            lines = List.copyOf(lines);
        }
    }

    /** One line: who wrote it, what they wrote, and whether the coach questioned it. */
    public record Line(String author, String text, boolean questioned) {
        public Line {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Builds the summary of a finished session, with the action items read from its plan (none of them stored). */
    public static ManagerSummary of(Session session, List<Contribution> contributions, String threadLink) {
        List<ActionItem> parsed = planItems(contributions, ZoneOffset.UTC);
        List<FollowUp> items = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            items.add(FollowUp.unstored(session.id(), i + 1, parsed.get(i)));
        }
        return of(session, contributions, threadLink, items);
    }

    /**
     * The action items written in a session's response plan, in order; lines that showed distress stay out.
     *
     * @param zone the office's time zone: "by Friday" or "by tomorrow" is read from the day a line was written there
     */
    public static List<ActionItem> planItems(List<Contribution> contributions, ZoneId zone) {
        return contributions.stream()
                .filter(contribution -> contribution.step() == Step.RESPONSE_PLAN)
                .filter(contribution -> !Care.isDistress(contribution.text()))
                .flatMap(contribution ->
                        ActionItem.parse(contribution.text(), LocalDate.ofInstant(contribution.writtenAt(), zone))
                                .stream())
                .toList();
    }

    /** Builds the summary of a finished session with its action items as they are kept. */
    public static ManagerSummary of(
            Session session, List<Contribution> contributions, String threadLink, List<FollowUp> followUps) {
        if (!session.isFinished()) {
            throw new IllegalArgumentException("only a finished session has a summary");
        }
        List<StepLines> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            List<Line> lines = contributions.stream()
                    .filter(contribution -> contribution.step() == step)
                    .filter(contribution -> !Care.isDistress(contribution.text()))
                    .map(contribution ->
                            new Line(contribution.author(), contribution.text(), contribution.isQuestioned()))
                    .toList();
            steps.add(new StepLines(step, lines));
        }
        Set<String> participants = new LinkedHashSet<>();
        contributions.forEach(contribution -> participants.add(contribution.author()));
        return new ManagerSummary(
                session.id(),
                session.channel(),
                session.review(),
                steps,
                new ArrayList<>(participants),
                session.startedAt(),
                session.finishedAt(),
                threadLink,
                contributions.stream()
                        .filter(contribution -> contribution.messageId().equals(session.chosenThought()))
                        .map(Contribution::text)
                        .findFirst()
                        .orElse(null),
                session.believability(),
                followUps);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The lines of one step, possibly none. */
    public List<Line> linesOf(Step step) {
        return steps.stream()
                .filter(lines -> lines.step() == step)
                .flatMap(lines -> lines.lines().stream())
                .toList();
    }

    /** The steps the team wrote something for. */
    public List<StepLines> stepsWithLines() {
        return steps.stream().filter(step -> !step.lines().isEmpty()).toList();
    }
}
