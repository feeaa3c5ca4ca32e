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
import java.util.concurrent.atomic.AtomicInteger;
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
                status == SessionStatus.FINISHED ? NOW : null,
                null,
                null);
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
        Transition transition = dialogue.apply(session(from, SessionStatus.OPEN), List.of(), input, NOW);

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
            session = dialogue.apply(session, List.of(), new Input.Advance("U1", Optional.empty()), NOW)
                    .session();
        }
        assertEquals("CTFARRAFTP", letters.toString());
        assertEquals(NOW, session.finishedAt());
    }

    @Test
    void twoPressesOfTheSameNextButtonMoveOneStep() {
        Session session = session(Step.THOUGHT, SessionStatus.OPEN);
        Input press = new Input.Advance("U1", Optional.of(Step.THOUGHT));

        Session afterFirst = dialogue.apply(session, List.of(), press, NOW).session();
        Transition second = dialogue.apply(afterFirst, List.of(), press, NOW);

        assertEquals(Step.FEELING, second.session().step());
        assertEquals(new Outcome.Unchanged(Outcome.Reason.STALE_STEP), second.outcome());
    }

    @Test
    void keepsAQuestionedContributionWithItsConcern() {
        Transition transition = dialogue.apply(
                session(Step.CIRCUMSTANCE, SessionStatus.OPEN),
                List.of(),
                new Input.Contribute("U2", "The receptionist was rude", "200.1"),
                NOW);

        Contribution kept = ((Outcome.Recorded) transition.outcome()).contribution();
        assertTrue(kept.isQuestioned());
        assertEquals(List.of("rude"), kept.concern().quoted());
        assertEquals(Step.CIRCUMSTANCE, kept.step());
        assertEquals("The receptionist was rude", kept.text());
    }

    @Test
    void aLineReadWhenItWasInterpretedIsNotReadAgainWhileItsSessionStaysAtThatStep() {
        AtomicInteger readings = new AtomicInteger();
        Dialogue counting = new Dialogue(List.of((step, text) -> {
            readings.incrementAndGet();
            return RUDE.review(step, text);
        }));
        Session session = session(Step.CIRCUMSTANCE, SessionStatus.OPEN);

        Input line = counting.interpret(session.step(), "U2", "The receptionist was rude", "200.1");
        assertEquals(1, readings.get(), "read when interpreted, before the session's transaction");
        Transition transition = counting.apply(session, List.of(), line, NOW);

        assertEquals(1, readings.get(), "not read again when applied");
        assertEquals(
                List.of("rude"),
                ((Outcome.Recorded) transition.outcome())
                        .contribution()
                        .concern()
                        .quoted());
    }

    @Test
    void aLineReadBeforeItsSessionMovedOnIsReadAgainForTheStepItLandsIn() {
        Input line = dialogue.interpret(Step.CIRCUMSTANCE, "U2", "They were rude", "200.1");
        assertTrue(((Input.Contribute) line).reading().orElseThrow().concern().isPresent());

        Transition transition = dialogue.apply(session(Step.THOUGHT, SessionStatus.OPEN), List.of(), line, NOW);

        Contribution kept = ((Outcome.Recorded) transition.outcome()).contribution();
        assertEquals(Step.THOUGHT, kept.step());
        assertNull(kept.concern(), "a thought may say rude; the circumstance's rule does not apply to it");
    }

    @Test
    void aLineInDistressIsKeptAndAnsweredWithCareInsteadOfCoaching() {
        Transition transition = dialogue.apply(
                session(Step.CIRCUMSTANCE, SessionStatus.OPEN),
                List.of(),
                new Input.Contribute("U2", "They were rude and I want to kill myself", "200.1"),
                NOW);

        Outcome.Cared cared = assertInstanceOf(Outcome.Cared.class, transition.outcome());
        assertNull(cared.contribution().concern(), "not coached");
        assertEquals("200.1", cared.contribution().messageId());
    }

    @Test
    void acceptsACleanContribution() {
        Transition transition = dialogue.apply(
                session(Step.CIRCUMSTANCE, SessionStatus.OPEN),
                List.of(),
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
                List.of(),
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
            Transition transition = dialogue.apply(finished, List.of(), input, NOW);
            assertEquals(new Outcome.Unchanged(Outcome.Reason.ALREADY_FINISHED), transition.outcome());
            assertEquals(finished, transition.session());
        }
    }

    @Test
    void anOpeningSessionTakesNothingYet() {
        Transition transition = dialogue.apply(
                session(Step.CIRCUMSTANCE, SessionStatus.OPENING), List.of(), new Input.Finish("U1"), NOW);
        assertEquals(new Outcome.Unchanged(Outcome.Reason.NOT_OPEN), transition.outcome());
    }

    private static Contribution thought(String id, String text) {
        return new Contribution(id, Step.THOUGHT, "U2", text, null, NOW);
    }

    @Test
    void severalThoughtsAskForAPickBeforeMovingOnAndAPickMovesOn() {
        Session atThought = session(Step.THOUGHT, SessionStatus.OPEN);
        List<Contribution> thoughts = List.of(
                thought("200.1", "This will kill our reputation"), thought("200.2", "They think we don't care"));

        Transition asked = dialogue.apply(atThought, thoughts, new Input.Advance("U1", Optional.empty()), NOW);
        assertEquals(new Outcome.PickNeeded(thoughts), asked.outcome());
        assertEquals(Step.THOUGHT, asked.session().step());

        Transition picked = dialogue.apply(atThought, thoughts, new Input.Pick("U1", 2), NOW);
        assertEquals(new Outcome.Picked(thoughts.get(1), Optional.of(Step.FEELING)), picked.outcome());
        assertEquals("200.2", picked.session().chosenThought());
        assertEquals(Step.FEELING, picked.session().step());

        assertEquals(
                new Outcome.Unchanged(Outcome.Reason.NO_SUCH_THOUGHT),
                dialogue.apply(atThought, thoughts, new Input.Pick("U1", 3), NOW)
                        .outcome());
    }

    @Test
    void aSingleThoughtIsTheOneThatStingsMost() {
        List<Contribution> one = List.of(thought("200.1", "We failed her"));

        Transition moved = dialogue.apply(
                session(Step.THOUGHT, SessionStatus.OPEN), one, new Input.Advance("U1", Optional.empty()), NOW);

        assertEquals(Step.FEELING, moved.session().step());
        assertEquals("200.1", moved.session().chosenThought());
    }

    @Test
    void aNewThoughtIsRatedBeforeThePlanAndALowRatingStaysForASteppingStone() {
        Session atNewThought = session(Step.NEW_THOUGHT, SessionStatus.OPEN);
        Contribution newThought =
                new Contribution("300.1", Step.NEW_THOUGHT, "U2", "We can learn from this", null, NOW);
        List<Contribution> lines = List.of(newThought);

        Transition asked = dialogue.apply(atNewThought, lines, new Input.Advance("U1", Optional.empty()), NOW);
        assertEquals(new Outcome.RatingNeeded(newThought), asked.outcome());

        Transition low = dialogue.apply(atNewThought, lines, new Input.Rate("U1", 3), NOW);
        assertEquals(new Outcome.Rated(newThought, 3, Optional.empty()), low.outcome());
        assertEquals(Step.NEW_THOUGHT, low.session().step());
        assertEquals(3, low.session().believability());

        Transition rewritten = dialogue.apply(
                low.session(), lines, new Input.Contribute("U3", "It's possible we can learn from this", "300.2"), NOW);
        assertNull(rewritten.session().believability(), "a new thought needs its own rating");

        Transition high = dialogue.apply(atNewThought, lines, new Input.Rate("U1", 8), NOW);
        assertEquals(Step.RESPONSE_PLAN, high.session().step());
        assertEquals(8, high.session().believability());
        assertTrue(((Outcome.Rated) high.outcome()).believable());
    }

    @ParameterizedTest
    @CsvSource({
        "7, NEW_THOUGHT, Rate",
        "7/10, NEW_THOUGHT, Rate",
        "8 out of 10, NEW_THOUGHT, Rate",
        "7, CIRCUMSTANCE, Contribute",
        "pick 2, THOUGHT, Pick",
        "Pick #1, FEELING, Pick",
        "pick the second one, THOUGHT, Contribute"
    })
    void readsPicksAndRatings(String text, Step step, String expected) {
        Input input = dialogue.interpret(step, "U1", text, "300.1");
        assertEquals(expected, input.getClass().getSimpleName());
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
        Input input = dialogue.interpret(Step.THOUGHT, "U1", text, "300.1");
        assertEquals(expected, input.getClass().getSimpleName());
    }

    @Test
    void everyInputTypeIsHandled() {
        Session open = session(Step.THOUGHT, SessionStatus.OPEN);
        Contribution line = new Contribution("200.1", Step.THOUGHT, "U2", "old words", null, NOW);
        List<Input> oneOfEach = List.of(
                new Input.Contribute("U1", "words", "300.1"),
                new Input.Pick("U1", 1),
                new Input.Rate("U1", 7),
                new Input.Advance("U1", Optional.empty()),
                new Input.GoBack("U1", Optional.empty()),
                new Input.Finish("U1"),
                new Input.Revise(line, "new words"),
                new Input.Withdraw(line));
        Set<Class<?>> covered = oneOfEach.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted =
                Arrays.stream(Input.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, covered, "a new input type needs a case here and in Dialogue.apply");
        Session atNewThought = session(Step.NEW_THOUGHT, SessionStatus.OPEN);
        List<Contribution> lines =
                List.of(line, new Contribution("200.2", Step.NEW_THOUGHT, "U2", "We care", null, NOW));
        for (Input input : oneOfEach) {
            Session state = input instanceof Input.Rate ? atNewThought : open;
            assertFalse(
                    dialogue.apply(state, lines, input, NOW).outcome() instanceof Outcome.Unchanged, input.toString());
        }
    }
}
