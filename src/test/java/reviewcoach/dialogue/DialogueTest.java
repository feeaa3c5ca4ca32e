package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reviewcoach.dialogue.coaching.CoachingRule;
import reviewcoach.dialogue.coaching.Concern;

class DialogueTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** A rule that questions any circumstance containing "rude", so the engine can be tested without the real rules. */
    private static final CoachingRule RUDE = (step, text) -> step == Step.CIRCUMSTANCE && text.contains("rude")
            ? Optional.of(new Concern(List.of("rude"), "“rude” is a judgment."))
            : Optional.empty();

    private final Dialogue dialogue = new Dialogue(List.of(RUDE));

    static Session session(Step step, SessionStatus status) {
        return new Session(
                7,
                "T1",
                "C1",
                status == SessionStatus.OPENING ? null : "100.1",
                "U1",
                Review.of("They were rude."),
                step,
                status,
                NOW.minusSeconds(600),
                status == SessionStatus.FINISHED ? NOW : null);
    }

    static Stream<Arguments> moves() {
        Optional<Step> typed = Optional.empty();
        return Stream.of(
                // state, input, expected step, expected status, expected outcome
                Arguments.of(
                        Step.CIRCUMSTANCE,
                        new Input.Advance("U2", typed),
                        Step.THOUGHT,
                        SessionStatus.OPEN,
                        Outcome.Moved.class),
                Arguments.of(
                        Step.RESULT,
                        new Input.Advance("U2", typed),
                        Step.NEW_RESULT,
                        SessionStatus.OPEN,
                        Outcome.Moved.class),
                Arguments.of(
                        Step.RESPONSE_PLAN,
                        new Input.Advance("U2", typed),
                        Step.RESPONSE_PLAN,
                        SessionStatus.FINISHED,
                        Outcome.Finished.class),
                Arguments.of(
                        Step.THOUGHT,
                        new Input.GoBack("U2", typed),
                        Step.CIRCUMSTANCE,
                        SessionStatus.OPEN,
                        Outcome.Moved.class),
                Arguments.of(
                        Step.CIRCUMSTANCE,
                        new Input.GoBack("U2", typed),
                        Step.CIRCUMSTANCE,
                        SessionStatus.OPEN,
                        Outcome.Unchanged.class),
                Arguments.of(
                        Step.FEELING,
                        new Input.Finish("U2"),
                        Step.FEELING,
                        SessionStatus.FINISHED,
                        Outcome.Finished.class),
                Arguments.of(
                        Step.FEELING,
                        new Input.Advance("U2", Optional.of(Step.FEELING)),
                        Step.ACTION,
                        SessionStatus.OPEN,
                        Outcome.Moved.class),
                Arguments.of(
                        Step.ACTION,
                        new Input.Advance("U2", Optional.of(Step.FEELING)),
                        Step.ACTION,
                        SessionStatus.OPEN,
                        Outcome.Unchanged.class),
                Arguments.of(
                        Step.ACTION,
                        new Input.GoBack("U2", Optional.of(Step.FEELING)),
                        Step.ACTION,
                        SessionStatus.OPEN,
                        Outcome.Unchanged.class),
                Arguments.of(
                        Step.THOUGHT,
                        new Input.Contribute("U2", "This will ruin us", "200.1"),
                        Step.THOUGHT,
                        SessionStatus.OPEN,
                        Outcome.Recorded.class));
    }

    @ParameterizedTest
    @MethodSource("moves")
    void movesThroughTheSteps(
            Step from, Input input, Step expectedStep, SessionStatus expectedStatus, Class<?> expectedOutcome) {
        Transition transition = dialogue.apply(session(from, SessionStatus.OPEN), input, NOW);

        assertEquals(expectedStep, transition.session().step());
        assertEquals(expectedStatus, transition.session().status());
        assertInstanceOf(expectedOutcome, transition.outcome());
    }

    @Test
    void walksAllTenStepsInOrderThenFinishes() {
        Session session = session(Step.CIRCUMSTANCE, SessionStatus.OPEN);
        StringBuilder letters = new StringBuilder();
        while (!session.isFinished()) {
            letters.append(session.step().letter());
            session = dialogue.apply(session, new Input.Advance("U1", Optional.empty()), NOW)
                    .session();
        }
        assertEquals("CTFARRAFTP", letters.toString());
        assertEquals(NOW, session.finishedAt());
    }

    @Test
    void twoPressesOfTheSameNextButtonMoveOneStep() {
        Session session = session(Step.THOUGHT, SessionStatus.OPEN);
        Input press = new Input.Advance("U1", Optional.of(Step.THOUGHT));

        Session afterFirst = dialogue.apply(session, press, NOW).session();
        Transition second = dialogue.apply(afterFirst, press, NOW);

        assertEquals(Step.FEELING, second.session().step());
        assertEquals(new Outcome.Unchanged(Outcome.Reason.STALE_STEP), second.outcome());
    }

    @Test
    void keepsAQuestionedContributionWithItsConcern() {
        Transition transition = dialogue.apply(
                session(Step.CIRCUMSTANCE, SessionStatus.OPEN),
                new Input.Contribute("U2", "The receptionist was rude", "200.1"),
                NOW);

        Contribution kept = ((Outcome.Recorded) transition.outcome()).contribution();
        assertTrue(kept.isQuestioned());
        assertEquals(List.of("rude"), kept.concern().quoted());
        assertEquals(Step.CIRCUMSTANCE, kept.step());
        assertEquals("The receptionist was rude", kept.text());
    }

    @Test
    void acceptsACleanContribution() {
        Transition transition = dialogue.apply(
                session(Step.CIRCUMSTANCE, SessionStatus.OPEN),
                new Input.Contribute("U2", "The review says \"the wait was long\"", "200.1"),
                NOW);

        assertNull(((Outcome.Recorded) transition.outcome()).contribution().concern());
    }

    @Test
    void anEditIsLookedAtAgain() {
        Contribution original = new Contribution(
                "200.1", Step.CIRCUMSTANCE, "U2", "They were rude", new Concern(List.of("rude"), "judgment"), NOW);

        Transition transition = dialogue.apply(
                session(Step.THOUGHT, SessionStatus.OPEN),
                new Input.Revise(original, "The review says they were rude on the phone"),
                NOW);

        Outcome.Revised revised = assertInstanceOf(Outcome.Revised.class, transition.outcome());
        assertTrue(revised.after().isQuestioned(), "the word is still outside quotes");
        assertFalse(revised.verdictChanged());
        assertEquals(Step.CIRCUMSTANCE, revised.after().step(), "an edit keeps the step it was written for");
    }

    @Test
    void aFinishedSessionTakesNoMoreMovesOrLines() {
        Session finished = session(Step.RESULT, SessionStatus.FINISHED);
        for (Input input : List.of(
                new Input.Advance("U1", Optional.empty()),
                new Input.GoBack("U1", Optional.empty()),
                new Input.Finish("U1"),
                new Input.Contribute("U1", "late", "300.1"))) {
            Transition transition = dialogue.apply(finished, input, NOW);
            assertEquals(new Outcome.Unchanged(Outcome.Reason.ALREADY_FINISHED), transition.outcome());
            assertEquals(finished, transition.session());
        }
    }

    @Test
    void anOpeningSessionTakesNothingYet() {
        Transition transition =
                dialogue.apply(session(Step.CIRCUMSTANCE, SessionStatus.OPENING), new Input.Finish("U1"), NOW);
        assertEquals(new Outcome.Unchanged(Outcome.Reason.NOT_OPEN), transition.outcome());
    }

    @ParameterizedTest
    @CsvSource({
        "next, Advance",
        "Next, Advance",
        "  next.  , Advance",
        "NEXT!, Advance",
        "back, GoBack",
        "done, Finish",
        "Done., Finish",
        "finish, Finish",
        "next step please, Contribute",
        "I think we're done with this, Contribute",
        "nextdoor neighbour, Contribute"
    })
    void readsTypedMovesOnlyWhenTheWordStandsAlone(String text, String expected) {
        Input input = dialogue.interpret("U1", text, "300.1");
        assertEquals(expected, input.getClass().getSimpleName());
    }

    @Test
    void everyInputTypeIsHandled() {
        Session open = session(Step.THOUGHT, SessionStatus.OPEN);
        Contribution line = new Contribution("200.1", Step.THOUGHT, "U2", "old words", null, NOW);
        List<Input> oneOfEach = List.of(
                new Input.Contribute("U1", "words", "300.1"),
                new Input.Advance("U1", Optional.empty()),
                new Input.GoBack("U1", Optional.empty()),
                new Input.Finish("U1"),
                new Input.Revise(line, "new words"),
                new Input.Withdraw(line));
        Set<Class<?>> covered = oneOfEach.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted =
                Arrays.stream(Input.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, covered, "a new input type needs a case here and in Dialogue.apply");
        for (Input input : oneOfEach) {
            assertFalse(dialogue.apply(open, input, NOW).outcome() instanceof Outcome.Unchanged, input.toString());
        }
    }
}
