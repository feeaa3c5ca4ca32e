package reviewcoach.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reviewcoach.testing.Failure.dropConnection;
import static reviewcoach.testing.Failure.error;
import static reviewcoach.testing.Failure.rateLimited;
import static reviewcoach.testing.Failure.serverError;
import static reviewcoach.testing.Failure.slow;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reviewcoach.testing.FakeSlackApi.Call;

class FakeSlackApiTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSlackApi fake;
    private Slack slack;
    private MethodsClient methods;

    @BeforeEach
    void startFake() {
        fake = FakeSlackApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(config);
        methods = slack.methods(TestWorkspace.BOT_TOKEN);
    }

    @AfterEach
    void stopFake() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void postMessageAnswersWithFreshTsAndIsRecordedWithParamsAndToken() throws Exception {
        ChatPostMessageResponse first = methods.chatPostMessage(
                request -> request.channel("C0REVIEWS").text("Hello & welcome").threadTs("1699999999.000100"));
        ChatPostMessageResponse second =
                methods.chatPostMessage(request -> request.channel("C0REVIEWS").text("Two"));

        assertTrue(first.isOk());
        assertEquals("1700000000.000100", first.getTs());
        assertEquals("1700000000.000200", second.getTs());
        assertEquals("Hello & welcome", first.getMessage().getText());
        assertEquals("1699999999.000100", first.getMessage().getThreadTs());
        Call call = fake.calls("chat.postMessage").get(0);
        assertEquals("C0REVIEWS", call.param("channel"));
        assertEquals("Hello & welcome", call.param("text"));
        assertEquals("1699999999.000100", call.param("thread_ts"));
        assertEquals("Bearer " + TestWorkspace.BOT_TOKEN, call.authorization());
        assertEquals(TestWorkspace.BOT_TOKEN, call.token());
        assertTrue(call.contentType().startsWith("application/x-www-form-urlencoded"));
        assertEquals(200, call.status());
    }

    @Test
    void blocksArriveAsJsonTextAndCanBeParsed() throws Exception {
        methods.chatPostMessage(request -> request.channel("C0REVIEWS")
                .text("fallback")
                .blocksAsString("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*hi*\"}}]"));

        Call call = fake.lastCall("chat.postMessage");
        assertEquals(
                "*hi*",
                call.jsonParam("blocks").get(0).path("text").path("text").asText());
    }

    @Test
    void authTestDescribesTheTestWorkspace() throws Exception {
        var response = methods.authTest(request -> request);

        assertTrue(response.isOk());
        assertEquals("T0TEST", response.getTeamId());
        assertEquals("U0BOT", response.getUserId());
        assertEquals("B0BOT", response.getBotId());
    }

    @Test
    void rateLimitedMakesTheSdkThrowWith429AndRetryAfterThenRecovers() throws Exception {
        fake.failNext("chat.postMessage", rateLimited(2));

        SlackApiException limited = assertThrows(
                SlackApiException.class,
                () -> methods.chatPostMessage(request -> request.channel("C1").text("x")));
        ChatPostMessageResponse retried =
                methods.chatPostMessage(request -> request.channel("C1").text("x"));

        assertEquals(429, limited.getResponse().code());
        assertEquals("2", limited.getResponse().header("Retry-After"));
        assertEquals("ratelimited", limited.getError().getError());
        assertTrue(retried.isOk());
        List<Call> calls = fake.calls("chat.postMessage");
        assertEquals(List.of(429, 200), calls.stream().map(Call::status).toList());
    }

    @Test
    void serverErrorMakesTheSdkThrowWithThatStatus() {
        fake.failNext("chat.update", 2, serverError(500));

        for (int attempt = 0; attempt < 2; attempt++) {
            SlackApiException failed = assertThrows(
                    SlackApiException.class,
                    () -> methods.chatUpdate(
                            request -> request.channel("C1").ts("1.2").text("x")));
            assertEquals(500, failed.getResponse().code());
        }
        assertEquals(
                List.of(500, 500),
                fake.calls("chat.update").stream().map(Call::status).toList());
    }

    @Test
    void slackErrorComesBackAsOkFalse() throws Exception {
        fake.failAlways("chat.postMessage", error("not_in_channel"));

        ChatPostMessageResponse first =
                methods.chatPostMessage(request -> request.channel("C1").text("x"));
        ChatPostMessageResponse second =
                methods.chatPostMessage(request -> request.channel("C1").text("x"));
        fake.reset();
        ChatPostMessageResponse afterReset =
                methods.chatPostMessage(request -> request.channel("C1").text("x"));

        assertFalse(first.isOk());
        assertEquals("not_in_channel", first.getError());
        assertEquals("not_in_channel", second.getError());
        assertTrue(afterReset.isOk());
        assertEquals(1, fake.calls("chat.postMessage").size(), "reset forgets earlier calls");
    }

    @Test
    void slowAnswersAfterTheDelay() throws Exception {
        fake.failNext("reactions.add", slow(Duration.ofMillis(300)));

        long start = System.nanoTime();
        var response = methods.reactionsAdd(
                request -> request.channel("C1").timestamp("1.2").name("eyes"));

        assertTrue(response.isOk());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void aDroppedKeptAliveConnectionIsSilentlyRetriedOnceByTheSdksHttpClient() throws Exception {
        methods.chatPostMessage(request -> request.channel("C1").text("opens a kept-alive connection"));
        fake.clearCalls();
        fake.failNext("chat.postMessage", dropConnection());

        ChatPostMessageResponse response =
                methods.chatPostMessage(request -> request.channel("C1").text("x"));

        assertTrue(response.isOk());
        List<Call> calls = fake.calls("chat.postMessage");
        assertEquals(
                List.of(Call.NO_ANSWER, 200), calls.stream().map(Call::status).toList());
    }

    @Test
    void droppedConnectionIsAnIoErrorForTheCaller() {
        fake.failAlways("chat.postMessage", dropConnection());

        assertThrows(
                IOException.class,
                () -> methods.chatPostMessage(request -> request.channel("C1").text("x")));
        assertEquals(Call.NO_ANSWER, fake.lastCall("chat.postMessage").status());
    }

    @Test
    void permalinkPointsIntoTheThreadOfAPostedReply() throws Exception {
        String reply = methods.chatPostMessage(
                        request -> request.channel("C0REVIEWS").text("reply").threadTs("1699999999.000100"))
                .getTs();

        ChatGetPermalinkResponse link =
                methods.chatGetPermalink(request -> request.channel("C0REVIEWS").messageTs(reply));

        assertEquals(
                "https://example.slack.com/archives/C0REVIEWS/p1700000000000100"
                        + "?thread_ts=1699999999.000100&cid=C0REVIEWS",
                link.getPermalink());
    }

    @Test
    void usersInfoGivesATimeZone() throws Exception {
        var user = methods.usersInfo(request -> request.user("U0ALICE")).getUser();

        assertEquals("U0ALICE", user.getId());
        assertEquals("alice", user.getName());
        assertEquals("America/New_York", user.getTz());
    }

    @Test
    void responseUrlPostsAreRecordedUnderTheirOwnName() throws Exception {
        WebhookResponse response = slack.send(fake.responseUrl("r1"), "{\"text\":\"Only you can see this\"}");

        assertEquals(200, response.getCode());
        Call call =
                fake.awaitCalls(FakeSlackApi.responseUrlMethod("r1"), 1, WAIT).get(0);
        assertEquals("response_url:r1", call.method());
        assertEquals("Only you can see this", call.param("text"));
    }

    @Test
    void awaitCallsWaitsForAsynchronousCallers() throws Exception {
        Thread caller = new Thread(() -> {
            try {
                Thread.sleep(200);
                methods.chatPostMessage(request -> request.channel("C1").text("later"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        caller.start();

        List<Call> calls = fake.awaitCalls("chat.postMessage", 1, WAIT);

        assertEquals("later", calls.get(0).param("text"));
        caller.join();
    }

    @Test
    void awaitCallsExplainsWhatArrivedInstead() throws Exception {
        methods.chatPostEphemeral(request -> request.channel("C1").user("U1").text("psst"));

        AssertionError missing = assertThrows(
                AssertionError.class, () -> fake.awaitCalls("chat.postMessage", 1, Duration.ofMillis(200)));

        assertTrue(missing.getMessage().contains("Expected 1 call(s) to chat.postMessage"), missing.getMessage());
        assertTrue(missing.getMessage().contains("chat.postEphemeral -> 200"), missing.getMessage());
    }

    @Test
    void awaitQuietReturnsOnceCallsStop() throws Exception {
        methods.chatPostMessage(request -> request.channel("C1").text("x"));

        fake.awaitQuiet(Duration.ofMillis(100), WAIT);
    }

    @Test
    void awaitQuietFailsWhileCallsKeepComing() throws Exception {
        AtomicBoolean chatting = new AtomicBoolean(true);
        Thread chatter = new Thread(() -> {
            while (chatting.get()) {
                try {
                    methods.reactionsAdd(
                            request -> request.channel("C1").timestamp("1.2").name("eyes"));
                    Thread.sleep(10);
                } catch (Exception stopped) {
                    return;
                }
            }
        });
        chatter.start();

        try {
            fake.awaitCalls("reactions.add", 3, WAIT);
            assertThrows(AssertionError.class, () -> fake.awaitQuiet(Duration.ofMillis(500), Duration.ofMillis(1500)));
        } finally {
            chatting.set(false);
            chatter.join();
        }
    }

    @Test
    void closeStopsPromptlyEvenWithASlowAnswerPending() throws Exception {
        fake.failNext("chat.postMessage", slow(Duration.ofSeconds(30)));
        Thread caller = new Thread(() -> {
            try {
                methods.chatPostMessage(request -> request.channel("C1").text("x"));
            } catch (Exception expected) {
                // The fake is closing underneath this call.
            }
        });
        caller.start();
        Thread.sleep(200);

        long start = System.nanoTime();
        fake.close();

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 3);
        caller.join(Duration.ofSeconds(5).toMillis());
        assertFalse(caller.isAlive());
    }

    @Test
    void signedSlashCommandVerifiesAndAStaleOrTamperedOneDoesNot() {
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET, Clock.fixed(now, ZoneOffset.UTC));
        SlackSignature.Verifier verifier =
                new SlackSignature.Verifier(new SlackSignature.Generator(TestWorkspace.SIGNING_SECRET));
        SlashCommand command =
                SlashCommand.of("/review", "1 star: cold soup & rude staff").withResponseUrl(fake.responseUrl("r1"));

        SignedRequest fresh = requests.slashCommand(command);
        SignedRequest stale = requests.agedBy(Duration.ofMinutes(6)).slashCommand(command);
        SignedRequest tampered = fresh.withBody(fresh.body().replace("cold", "warm"));

        long nowMillis = now.toEpochMilli();
        assertTrue(verifier.isValid(fresh.timestamp(), fresh.body(), fresh.signature(), nowMillis));
        assertFalse(verifier.isValid(stale.timestamp(), stale.body(), stale.signature(), nowMillis));
        assertFalse(verifier.isValid(tampered.timestamp(), tampered.body(), tampered.signature(), nowMillis));
        assertNull(fresh.withoutSignature().signature());
        assertTrue(fresh.body().contains("command=%2Freview&text=1+star%3A+cold+soup+%26+rude+staff"));
    }
}
