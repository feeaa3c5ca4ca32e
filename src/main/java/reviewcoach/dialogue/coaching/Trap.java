package reviewcoach.dialogue.coaching;

import java.util.Locale;

/**
 * A common thinking trap, with the plain words the coach uses to name it and the one question it asks; named gently,
 * as a question, because the thought is still the writer's own.
 */
enum Trap {
    CATASTROPHIZING(
            "catastrophizing", "jumping to the worst that could happen", "What is the most likely way this goes?"),
    MIND_READING("mind reading", "knowing what others think without asking them", "What else might they be thinking?"),
    FORTUNE_TELLING("fortune telling", "predicting how it will turn out", "Is there another way it could go?"),
    LABELING("labeling", "summing up a whole person in one word", "What happened, without the label?"),
    PERSONALIZATION("personalization", "taking all of the cause onto yourself", "What else played a part?"),
    ALL_OR_NOTHING(
            "all-or-nothing thinking", "one miss counting as total failure", "What would a middle ground look like?"),
    OVERGENERALIZATION(
            "overgeneralization", "one event becoming always or never", "Can you think of a time it went differently?"),
    SHOULD("a should statement", "a rule about how things must be", "What do you wish had happened instead?");

    private final String name;
    private final String meaning;
    private final String question;

    Trap(String name, String meaning, String question) {
        this.name = name;
        this.meaning = meaning;
        this.question = question;
    }

    /** The trap's name in plain words ("fortune telling"). */
    public String title() {
        return name;
    }

    /** The resource file, under {@code coaching/thinking-traps/}, that holds its words and phrases. */
    String listName() {
        return "thinking-traps/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }

    /** What the coach says: names the trap in plain words and asks one question. */
    String concern() {
        return "That sounds like " + name + " — " + meaning + ". " + question
                + " The thought stays on the list either way.";
    }
}
