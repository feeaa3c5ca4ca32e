package reviewcoach.terminal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import reviewcoach.dialogue.Care;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Guide;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.service.PostedMessage;
import reviewcoach.service.SlackGateway;
import reviewcoach.summary.ManagerSummary;

/** Says what the coach says in a terminal instead of Slack: the same messages, as plain text. */
final class TerminalGateway implements SlackGateway {

    private final PrintStream out;
    private final AtomicLong messages = new AtomicLong();

    TerminalGateway(PrintStream out) {
        this.out = out;
    }

    @Override
    public PostedMessage openThread(Session session) {
        out.println();
        out.println(Guide.opening());
        out.println(Guide.howToMove()
                .replace("Reply in this thread. ", "Type your lines. ")
                .replace(" (or press Next)", ""));
        return new PostedMessage(session.channel(), "rehearsal-" + session.id());
    }

    @Override
    public String postPrompt(Session session, Step step, Optional<Contribution> focus) {
        Guide.StepGuide guide = Guide.forStep(step);
        out.println();
        out.println("Step " + step.number() + " of " + Step.count() + " · " + step.title() + " ("
                + step.part().title() + ")");
        focus.ifPresent(thought -> out.println(Guide.thoughtInFocus() + ": “" + thought.text() + "”"));
        out.println(guide.explanation());
        out.println("Example: " + guide.example());
        return nextId();
    }

    @Override
    public String askToPick(Session session, List<Contribution> thoughts) {
        out.println("coach: " + Guide.pickOne().replace("Press its button, or type", "Type"));
        for (int i = 0; i < thoughts.size(); i++) {
            out.println("  " + (i + 1) + ". " + thoughts.get(i).text());
        }
        return nextId();
    }

    @Override
    public String askRating(Session session, Contribution newThought) {
        out.println("coach: “" + newThought.text() + "”");
        out.println("coach: " + Guide.rateIt().replace(" Press a number, or type it.", " Type a number."));
        return nextId();
    }

    @Override
    public String postPlanPaths(Session session, ResponseGuide.Reviewer reviewer) {
        ResponseGuide.paths(reviewer, PracticeType.GENERAL, session.review())
                .forEach(path -> out.println("coach: " + path));
        return nextId();
    }

    @Override
    public String offerSteppingStones(Session session, int rating) {
        out.println("coach: " + Guide.steppingStones(rating));
        return nextId();
    }

    @Override
    public void acknowledge(Session session, Contribution contribution) {
        out.println("  ✓ noted");
    }

    @Override
    public String offerCare(Session session, Contribution contribution) {
        out.println("coach: " + Care.answer(contribution.text()).orElse(""));
        return nextId();
    }

    @Override
    public String question(Session session, Contribution contribution) {
        out.println("coach: " + contribution.concern().reason());
        return nextId();
    }

    @Override
    public void refreshRoot(Session session, List<Contribution> contributions) {
        // the terminal has no opening message to keep up to date
    }

    @Override
    public String linkToThread(Session session) {
        return null;
    }

    @Override
    public String postSummary(Session session, String channel, ManagerSummary summary, boolean offerToShare) {
        out.println();
        out.println("Summary");
        for (ManagerSummary.StepLines step : summary.stepsWithLines()) {
            out.println(step.step().letter() + " · " + step.step().title());
            step.lines().forEach(line -> out.println("  - " + line.text()));
        }
        if (summary.believability() != null) {
            out.println("How believable the new thought is today: " + summary.believability() + "/10");
        }
        return nextId();
    }

    @Override
    public String postClosingNote(Session session, String summaryChannel, boolean privateSession) {
        out.println();
        out.println(Guide.closing() + " This rehearsal is saved as session " + session.id() + ".");
        return nextId();
    }

    @Override
    public void deleteMessage(String workspace, PostedMessage message) {
        // nothing was posted anywhere
    }

    @Override
    public void tellThreadSummaryFailed(Session session, String channel, String reason) {
        out.println("coach: I couldn't save the summary (" + reason + ").");
    }

    @Override
    public void refuseFinish(Session session, String userId) {
        out.println("coach: only the person who started this rehearsal can finish it.");
    }

    @Override
    public void tellStarterCannotOpen(String noticeUrl, String channel, String reason) {
        out.println("coach: I couldn't start the rehearsal (" + reason + ").");
    }

    private String nextId() {
        return "m" + messages.incrementAndGet();
    }
}
