package reviewcoach.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the request builders speak Bolt's language: a minimal Bolt app on Jetty receives what they send. */
class SlackRequestsTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final SlackRequests requests = new SlackRequests(TestWorkspace.SIGNING_SECRET);
    private FakeSlackApi fake;
    private Slack slack;
    private Server jetty;
    private AppClient client;

    @BeforeEach
    void startBoltApp() throws Exception {
        fake = FakeSlackApi.start();
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(slackConfig);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new SlackAppServlet(recordingApp())), AppClient.EVENTS_PATH);
        jetty.setHandler(context);
        jetty.start();
        client = AppClient.onLocalPort(connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        slack.close();
        fake.close();
    }

    @Test
    void slashCommandArrivesWithItsFields() {
        SlashCommand command = SlashCommand.of("/review", "Café ☕ was cold & late")
                .withChannel("C0OTHER", "other")
                .withResponseUrl(fake.responseUrl("r1"));

        AppClient.Reply reply = client.send(requests.slashCommand(command));

        assertEquals(200, reply.status());
        assertEquals(
                List.of("command /review Café ☕ was cold & late C0OTHER U0ALICE T0TEST " + fake.responseUrl("r1")),
                seen);
    }

    @Test
    void staleWronglySignedUnsignedAndTamperedRequestsAreRejected() {
        SlashCommand command = SlashCommand.of("/review", "hi");

        assertEquals(
                401,
                client.send(requests.agedBy(Duration.ofMinutes(6)).slashCommand(command))
                        .status());
        assertEquals(
                401,
                client.send(requests.slashCommand(command).withSignature("v0=" + "0".repeat(64)))
                        .status());
        assertEquals(
                401,
                client.send(requests.slashCommand(command).withoutSignature()).status());
        SignedRequest signed = requests.slashCommand(command);
        assertEquals(
                401,
                client.send(signed.withBody(signed.body().replace("hi", "ho"))).status());
        assertEquals(List.of(), seen);
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() {
        AppClient.Reply reply =
                client.send(requests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), reply.body());
    }

    @Test
    void messageEventsReachTheirOwnBoltEventClasses() {
        ChatMessage reply = ChatMessage.reply("1700000000.000100", "It hurt to read");
        ChatMessage topLevel = ChatMessage.topLevel("Anyone around?");

        List.of(
                        MessageEvents.message(reply),
                        MessageEvents.message(topLevel),
                        MessageEvents.messageChanged(reply, "It stung to read"),
                        MessageEvents.messageDeleted(reply),
                        MessageEvents.threadBroadcast(reply),
                        MessageEvents.botMessage(topLevel, "B0IMPORT"),
                        MessageEvents.messageWithBotId(topLevel.withUser("U0OTHERBOT"), "B0OTHER"),
                        MessageEvents.messageWithBotId(
                                topLevel.withUser(TestWorkspace.BOT_USER_ID), TestWorkspace.BOT_ID))
                .forEach(event ->
                        assertEquals(200, client.send(requests.event(event)).status()));

        assertEquals(
                List.of(
                        "message It hurt to read in 1700000000.000100",
                        "message Anyone around? in null",
                        "changed It hurt to read -> It stung to read",
                        "deleted " + reply.ts() + " from 1700000000.000100",
                        "broadcast It hurt to read in 1700000000.000100",
                        "bot_message B0IMPORT",
                        "message Anyone around? in null"),
                seen,
                "the app's own message (last) is ignored by Bolt");
    }

    @Test
    void redeliveryKeepsTheEventIdAndCarriesRetryHeaders() {
        String eventId = requests.nextEventId();
        ChatMessage reply = ChatMessage.reply("1700000000.000100", "again");

        client.send(requests.event(eventId, MessageEvents.message(reply)));
        client.send(requests.event(eventId, MessageEvents.message(reply)).asRetry());

        assertEquals(
                List.of(
                        "message again in 1700000000.000100",
                        "message again in 1700000000.000100 retry 1 http_timeout"),
                seen);
        assertEquals("Ev0001", eventId);
    }

    @Test
    void buttonClickCarriesValueMessageAndThread() {
        BlockAction click = BlockAction.button("next_step", "session-42")
                .withMessage("1700000000.000200", "1700000000.000100")
                .withResponseUrl(fake.responseUrl("a1"));

        assertEquals(200, client.send(requests.blockAction(click)).status());

        assertEquals(List.of("action next_step session-42 1700000000.000200 1700000000.000100 C0REVIEWS"), seen);
    }

    @Test
    void modalSubmissionCarriesTextAndSelectedOption() {
        ViewSubmission submission = ViewSubmission.of("review_form")
                .withPrivateMetadata("{\"channel\":\"C0REVIEWS\"}")
                .withTextInput("review_block", "review_text", "Terrible service")
                .withSelectedOption("rating_block", "rating", "1", "1 star");

        assertEquals(200, client.send(requests.viewSubmission(submission)).status());

        assertEquals(List.of("view review_form {\"channel\":\"C0REVIEWS\"} Terrible service 1/1 star"), seen);
    }

    @Test
    void rawAndPlainRequestsReachTheServer() {
        assertEquals(404, client.get("/healthz").status());
        assertEquals(
                400,
                client.post(AppClient.EVENTS_PATH, "application/json", "{}".getBytes(UTF_8), Map.of())
                        .status(),
                "Bolt rejects a body it cannot classify before it checks the signature");
        String raw = client.sendRaw("GARBAGE\r\n\r\n".getBytes(UTF_8), Duration.ofSeconds(2));
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
    }

    private App recordingApp() {
        AppConfig config = AppConfig.builder()
                .signingSecret(TestWorkspace.SIGNING_SECRET)
                .singleTeamBotToken(TestWorkspace.BOT_TOKEN)
                .clientId(null)
                .clientSecret(null)
                .slack(slack)
                .build();
        App app = new App(config);
        app.command("/review", (request, context) -> {
            var command = request.getPayload();
            seen.add(String.join(
                    " ",
                    "command",
                    command.getCommand(),
                    command.getText(),
                    command.getChannelId(),
                    command.getUserId(),
                    command.getTeamId(),
                    command.getResponseUrl()));
            return context.ack();
        });
        app.event(MessageEvent.class, (payload, context) -> {
            MessageEvent event = payload.getEvent();
            String retry = context.getRetryNum() == null
                    ? ""
                    : " retry " + context.getRetryNum() + " " + context.getRetryReason();
            seen.add("message " + event.getText() + " in " + event.getThreadTs() + retry);
            return context.ack();
        });
        app.event(MessageChangedEvent.class, (payload, context) -> {
            MessageChangedEvent event = payload.getEvent();
            seen.add("changed " + event.getPreviousMessage().getMessage().getText() + " -> "
                    + event.getMessage().getText());
            return context.ack();
        });
        app.event(MessageDeletedEvent.class, (payload, context) -> {
            MessageDeletedEvent event = payload.getEvent();
            seen.add("deleted " + event.getDeletedTs() + " from "
                    + event.getPreviousMessage().getThreadTs());
            return context.ack();
        });
        app.event(MessageThreadBroadcastEvent.class, (payload, context) -> {
            MessageThreadBroadcastEvent event = payload.getEvent();
            seen.add("broadcast " + event.getText() + " in " + event.getThreadTs());
            return context.ack();
        });
        app.event(MessageBotEvent.class, (payload, context) -> {
            seen.add("bot_message " + payload.getEvent().getBotId());
            return context.ack();
        });
        app.blockAction("next_step", (request, context) -> {
            var click = request.getPayload();
            seen.add(String.join(
                    " ",
                    "action",
                    click.getActions().get(0).getActionId(),
                    click.getActions().get(0).getValue(),
                    click.getContainer().getMessageTs(),
                    click.getContainer().getThreadTs(),
                    click.getChannel().getId()));
            return context.ack();
        });
        app.viewSubmission("review_form", (request, context) -> {
            var view = request.getPayload().getView();
            var values = view.getState().getValues();
            var rating = values.get("rating_block").get("rating").getSelectedOption();
            seen.add(String.join(
                    " ",
                    "view",
                    view.getCallbackId(),
                    view.getPrivateMetadata(),
                    values.get("review_block").get("review_text").getValue(),
                    rating.getValue() + "/" + rating.getText().getText()));
            return context.ack();
        });
        return app;
    }
}
