package reviewcoach.dialogue;

import java.util.Optional;

/**
 * The steps of a session, in the order a team walks them: the model as it is (C, T, F, A, R), the intentional model
 * worked backwards from the result the team wants (R, A, F, T), and the response plan.
 */
public enum Step {
    CIRCUMSTANCE(Part.CURRENT, 'C', "Circumstance"),
    THOUGHT(Part.CURRENT, 'T', "Thought"),
    FEELING(Part.CURRENT, 'F', "Feeling"),
    ACTION(Part.CURRENT, 'A', "Action"),
    RESULT(Part.CURRENT, 'R', "Result"),
    NEW_RESULT(Part.INTENTIONAL, 'R', "Result we want"),
    NEW_ACTION(Part.INTENTIONAL, 'A', "New action"),
    NEW_FEELING(Part.INTENTIONAL, 'F', "New feeling"),
    NEW_THOUGHT(Part.INTENTIONAL, 'T', "New thought"),
    RESPONSE_PLAN(Part.PLAN, 'P', "Response plan");

    /** Which of the three parts of the exercise a step belongs to. */
    public enum Part {
        CURRENT("The model as it is"),
        INTENTIONAL("The intentional model"),
        PLAN("The response plan");

        private final String title;

        Part(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Part part;
    private final char letter;
    private final String title;

    Step(Part part, char letter, String title) {
        this.part = part;
        this.letter = letter;
        this.title = title;
    }

    public static Step first() {
        return CIRCUMSTANCE;
    }

    public Part part() {
        return part;
    }

    /** The CTFAR letter, or P for the plan. */
    public char letter() {
        return letter;
    }

    public String title() {
        return title;
    }

    /** The position of this step counted from 1, as people count. */
    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }

    public Optional<Step> next() {
        Step[] all = values();
        return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
    }

    public Optional<Step> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    /** The kind of line this step asks for, whichever model it belongs to. */
    public Step kind() {
        return switch (this) {
            case NEW_THOUGHT -> THOUGHT;
            case NEW_FEELING -> FEELING;
            case NEW_ACTION -> ACTION;
            case NEW_RESULT -> RESULT;
            default -> this;
        };
    }
}
