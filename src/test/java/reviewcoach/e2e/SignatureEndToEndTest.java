package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.BlockAction;
import reviewcoach.testing.ChatMessage;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.MessageEvents;
import reviewcoach.testing.SignedRequest;
import reviewcoach.testing.SlackRequests;
import reviewcoach.testing.SlashCommand;
import reviewcoach.testing.TestWorkspace;
import reviewcoach.testing.ViewSubmission;

/**
 * Every kind of request Slack sends reaches the app only with Slack's signature over the exact body, made no more than
 * five minutes before or after now: a request replayed later, signed in the future, tampered with after signing or
 * signed with another secret gets a 401 and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureEndToEndTest {

    private static final Duration QUIET = Duration.ofMillis(200);
    private static final String SOMEONE_ELSES_SECRET = "0123456789abcdef0123456789abcdef";

    private FakeSlackApi slack;
    private RunningService service;
    private SessionFlow session;

    /** The kinds of request Slack sends, each built so that, if let in, it makes the app do something. */
    enum Kind {
        SLASH_COMMAND(true),
        EVENT(true),
        BLOCK_ACTION(true),
        VIEW_SUBMISSION(true),
        URL_VERIFICATION(false);

        final boolean reachesSlack;

        Kind(boolean reachesSlack) {
            this.reachesSlack = reachesSlack;
        }
    }

    /** The ways a request can fail to be Slack's, current and untouched. */
    enum Forgery {
        UNSIGNED,
        NO_TIMESTAMP,
        SIGNED_WITH_ANOTHER_SECRET,
        FIELD_CHANGED_AFTER_SIGNING,
        BYTE_ADDED_AFTER_SIGNING,
        TIMESTAMP_CHANGED_AFTER_SIGNING,
        REPLAYED_SIX_MINUTES_LATER,
        SIGNED_SIX_MINUTES_AHEAD,
        SIGNED_A_YEAR_AHEAD,
        OTHER_SIGNATURE_VERSION
    }

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(folder, slack, null);
        session = new SessionFlow(service, slack).start("The front desk never called me back.");
        session.awaitPrompt(1);
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void onlyRequestsSignedBySlackWithinFiveMinutesGetIn(Kind kind) throws Exception {
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        int callsBefore = slack.calls().size();

        for (Forgery forgery : Forgery.values()) {
            SignedRequest forged = forge(kind, forgery);
            AppClient.Reply reply = service.client().send(forged);
            assertEquals(401, reply.status(), forgery + ": " + reply.body());
            assertEquals("Unauthorized", reply.json().get("error").asText(), forgery.toString());
        }
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(callsBefore, slack.calls().size(), "nothing reached Slack: " + slack.calls());

        for (Duration skew : List.of(Duration.ZERO, Duration.ofMinutes(-4), Duration.ofMinutes(4))) {
            int before = slack.calls().size();
            AppClient.Reply reply = service.client().send(build(kind, signedAt(skew)));
            assertEquals(200, reply.status(), "signed " + skew + " from now: " + reply.body());
            if (kind.reachesSlack) {
                awaitMoreCallsThan(before);
            } else {
                assertTrue(reply.body().contains("U0ALICE-challenge"), reply.body());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Kind.class,
            names = {"SLASH_COMMAND", "EVENT", "BLOCK_ACTION", "VIEW_SUBMISSION"})
    void aSignedRequestSentAgainWithinTheFiveMinutesIsActedOnOnce(Kind kind) throws Exception {
        SignedRequest captured = build(kind, service.requests());
        int before = slack.calls().size();
        assertEquals(200, service.client().send(captured).status());
        awaitMoreCallsThan(before);
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        int afterFirst = slack.calls().size();

        AppClient.Reply replayed = service.client().send(captured);

        assertEquals(200, replayed.status(), replayed.body());
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(
                afterFirst,
                slack.calls().size(),
                "the copy changed nothing: "
                        + slack.calls().subList(afterFirst, slack.calls().size()));
    }

    /**
     * A {@code /review} that may start a session is remembered in the session's own transaction, or after its answer when
     * it started none; either way its copy gets an empty 200 and changes nothing.
     */
    @ParameterizedTest(name = "/review {0}")
    @ValueSource(strings = {"private Rude staff, privately.", "too long", "list"})
    void aCopyOfAReviewCommandIsAnsweredEmptyAndChangesNothing(String text) throws Exception {
        String sent = text.equals("too long") ? "x".repeat(20_001) : text;
        SignedRequest captured = service.requests()
                .slashCommand(SlashCommand.of("/review", sent).withResponseUrl(slack.responseUrl("command")));
        AppClient.Reply first = service.client().send(captured);
        assertEquals(200, first.status());
        assertTrue(!first.body().isEmpty(), "the first answers its sender");
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        int afterFirst = slack.calls().size();

        AppClient.Reply replayed = service.client().send(captured);

        assertEquals(200, replayed.status());
        assertEquals("", replayed.body(), "the copy is answered with nothing");
        service.awaitOutboxEmpty();
        slack.awaitQuiet(QUIET, RunningService.WAIT);
        assertEquals(afterFirst, slack.calls().size(), "the copy changed nothing");
    }

    private SignedRequest forge(Kind kind, Forgery forgery) {
        SignedRequest genuine = build(kind, service.requests());
        return switch (forgery) {
            case UNSIGNED -> genuine.withoutSignature();
            case NO_TIMESTAMP -> genuine.withoutHeader(SignedRequest.TIMESTAMP_HEADER);
            case SIGNED_WITH_ANOTHER_SECRET -> build(kind, new SlackRequests(SOMEONE_ELSES_SECRET));
            case FIELD_CHANGED_AFTER_SIGNING -> genuine.withBody(genuine.body().replace("U0ALICE", "U0MALLO"));
            case BYTE_ADDED_AFTER_SIGNING -> genuine.withBody(genuine.body() + "\n");
            case TIMESTAMP_CHANGED_AFTER_SIGNING ->
                genuine.withHeader(
                        SignedRequest.TIMESTAMP_HEADER, String.valueOf(Long.parseLong(genuine.timestamp()) - 1));
            case REPLAYED_SIX_MINUTES_LATER -> build(kind, signedAt(Duration.ofMinutes(-6)));
            case SIGNED_SIX_MINUTES_AHEAD -> build(kind, signedAt(Duration.ofMinutes(6)));
            case SIGNED_A_YEAR_AHEAD -> build(kind, signedAt(Duration.ofDays(365)));
            case OTHER_SIGNATURE_VERSION ->
                genuine.withSignature("v1=" + genuine.signature().substring(3));
        };
    }

    /** A request of this kind from the default user, signed by {@code signer}. */
    private SignedRequest build(Kind kind, SlackRequests signer) {
        Function<SlackRequests, SignedRequest> builder =
                switch (kind) {
                    case SLASH_COMMAND ->
                        requests -> requests.slashCommand(SlashCommand.of("/review", "Rude staff.")
                                .withResponseUrl(slack.responseUrl("command")));
                    case EVENT ->
                        requests -> requests.event(MessageEvents.message(
                                ChatMessage.reply(session.thread(), "A review was posted on Monday")));
                    case BLOCK_ACTION ->
                        requests -> requests.blockAction(BlockAction.button(
                                        "step_next",
                                        SessionFlow.buttonValue(
                                                session.prompts().get(0)))
                                .withResponseUrl(slack.responseUrl("button")));
                    case VIEW_SUBMISSION ->
                        requests -> requests.viewSubmission(ViewSubmission.of("review_modal")
                                .withPrivateMetadata("{\"channel\":\"" + TestWorkspace.CHANNEL_ID + "\"}")
                                .withTextInput("review_text", "value", "They billed me twice."));
                    case URL_VERIFICATION -> requests -> requests.urlVerification("U0ALICE-challenge");
                };
        return builder.apply(signer);
    }

    /** Signs as Slack would with a clock {@code skew} away from now (negative: in the past). */
    private SlackRequests signedAt(Duration skew) {
        return service.requests().withClock(Clock.offset(Clock.systemUTC(), skew));
    }

    private void awaitMoreCallsThan(int count) {
        long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
        while (slack.calls().size() <= count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the request let in did nothing: " + slack.calls());
            }
            slack.awaitQuiet(Duration.ofMillis(10), RunningService.WAIT);
        }
    }
}
