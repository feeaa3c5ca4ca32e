package reviewcoach.dialogue;

import java.util.Map;

/** What the coach says to lead a team through the steps: the words only, without any formatting of a chat tool. */
public final class Guide {

    /** The explanation and example for one step. */
    public record StepGuide(String explanation, String example) {}

    private static final Map<Step, StepGuide> STEPS = Map.of(
            Step.CIRCUMSTANCE,
            new StepGuide(
                    "Just the facts: what happened, in words everyone would agree on and that could be proven."
                            + " What the reviewer wrote is a fact when you quote it.",
                    "A review posted on Google on Nov 3 says \"nobody ever called me back.\""),
            Step.THOUGHT,
            new StepGuide(
                    "What sentence goes through your head when you read it? Add every thought you have,"
                            + " one reply each. Nothing is too dramatic to write down.",
                    "We didn't deserve this."),
            Step.FEELING,
            new StepGuide("When you think that thought, what do you feel? One word.", "Defeated"),
            Step.ACTION,
            new StepGuide(
                    "When you feel that way, what do you do, or not do? Avoiding it, replaying it and"
                            + " drafting a sharp reply all count.",
                    "We write a defensive reply, or we don't reply at all."),
            Step.RESULT,
            new StepGuide(
                    "What comes of those actions, for us, and how does it prove the thought we started with?",
                    "The review stays up with no reply from us, and nothing changes at the front desk."),
            Step.NEW_RESULT,
            new StepGuide(
                    "Now the model we choose. The facts stay the same. What result do we want from here, for us?",
                    "The reviewer feels heard, and we learn something we can use."),
            Step.NEW_ACTION,
            new StepGuide(
                    "What would we do to get that result?",
                    "Ask the client, kindly, whether they'd be open to talking about it."),
            Step.NEW_FEELING,
            new StepGuide("What would we need to feel to do that? One word.", "Curious"),
            Step.NEW_THOUGHT,
            new StepGuide(
                    "What thought about the same facts would give us that feeling, and can we believe it today?"
                            + " Small and true beats big and hollow.",
                    "We're human, we did the best we knew, and there are ways we can serve people better."),
            Step.RESPONSE_PLAN,
            new StepGuide(
                    "How will we respond? A private conversation that asks permission first, a short public"
                            + " reply that never confirms anyone is a client, and follow-ups such as staff"
                            + " training, each with an owner.",
                    "Dana asks the client if they'd be open to a talk; Sam retrains the front desk on"
                            + " call-backs by Dec 1."));

    private Guide() {}

    public static StepGuide forStep(Step step) {
        return STEPS.get(step);
    }

    /** The first words a team reads under the review. */
    public static String opening() {
        return "Reviews like this sting, and it's normal to feel defensive. Let's work through it together in this"
                + " thread, one step at a time: first the facts, then what we made them mean, then a response we"
                + " can stand behind.";
    }

    /** How to move through the steps, shown with every prompt. */
    public static String howToMove() {
        return "Reply in this thread. Type next (or press Next) when the team is ready, back to go back,"
                + " done to finish.";
    }

    /** A reminder shown with the review, because reviews and replies are sensitive. */
    public static String privacyReminder() {
        return "Please keep client names and details out of this thread.";
    }

    /** Asks the team to pick one thought from several. */
    public static String pickOne() {
        return "That's a real list, and writing it down already takes some of its sting. Which one stings most?"
                + " Press its button, or type pick and its number.";
    }

    /** Introduces the thought the feeling step is about. */
    public static String thoughtInFocus() {
        return "The thought that stings most";
    }

    /** Asks how believable a new thought is. */
    public static String rateIt() {
        return "How believable is this thought for us today, from 1 (not at all) to 10 (completely)? Press a number,"
                + " or type it.";
    }

    /** After a low rating: smaller steps toward the new thought. */
    public static String steppingStones(int rating) {
        return "A " + rating + " out of 10 is an honest answer, and a thought we can't believe won't carry us."
                + " Try a smaller step, for example:\n"
                + "• I'm open to the idea that we can learn from this.\n"
                + "• It's possible that this review isn't the whole story of our work.\n"
                + "• We are human and did the best we knew how.\n"
                + "• There are ways we can serve our clients better.\n"
                + "Add the one that feels truer, then rate it again.";
    }

    /** Said in the thread when the team finishes. */
    public static String closing() {
        return "That's the whole model. Thank you for working through it together.";
    }

    /** Said at the end of a private session. */
    public static String privateSummary() {
        return "Your summary is below. Nothing went to the team; press Share if you'd like them to see it.";
    }

    /** Said when a button belongs to a step the team has already left. */
    public static String staleStep(Step current) {
        return "The team has already moved on. We're on " + current.title() + " now.";
    }

    /** Said when a button is pressed on a finished session. */
    public static String alreadyFinished() {
        return "This session is already finished. Start a new one with /review.";
    }
}
