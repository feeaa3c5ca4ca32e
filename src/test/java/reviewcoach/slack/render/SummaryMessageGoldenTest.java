package reviewcoach.slack.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Step;
import reviewcoach.summary.FollowUp;
import reviewcoach.summary.ManagerSummary;

/**
 * The manager summary's blocks, compared as JSON with the golden files in {@code src/test/resources/golden/}. When the
 * wording changes on purpose, write the files again with {@code mvn -B -q test -Dtest=SummaryMessageGoldenTest
 * -Dgolden.update=true} and read the difference in {@code git diff} before committing it.
 */
class SummaryMessageGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** How the SDK writes blocks into a Web API request. */
    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Instant STARTED = Instant.parse("2026-12-01T15:00:00Z");

    @Test
    void aWorkedThroughReviewWithOpenAndDoneItems() throws IOException {
        SlackMessage message = SummaryMessage.render(summary(items()), false);
        assertGolden("summary.json", message);
    }

    @Test
    void aPrivateSessionsSummaryOffersToShare() throws IOException {
        SlackMessage message = SummaryMessage.render(summary(List.of()), true);
        assertGolden("summary-private.json", message);
    }

    @Test
    void aSummaryWithManyLongItemsStaysWithinSlacksLimits() throws IOException {
        List<FollowUp> many = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            many.add(new FollowUp(i, 7, i, "x".repeat(3000) + " <!channel>", "U0BOB", null, null, null));
        }
        List<ManagerSummary.StepLines> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            List<ManagerSummary.Line> lines = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                lines.add(new ManagerSummary.Line("U0BOB", "word & more ".repeat(300), false));
            }
            steps.add(new ManagerSummary.StepLines(step, lines));
        }
        ManagerSummary huge = new ManagerSummary(
                7,
                "C0REVIEWS",
                new Review("r".repeat(20_000), "Google", 1),
                steps,
                List.of("U0BOB"),
                STARTED,
                STARTED.plusSeconds(600),
                "https://example.slack.com/archives/C0REVIEWS/p1700000000000100",
                "t".repeat(5000),
                3,
                many);
        JsonNode blocks = blocks(SummaryMessage.render(huge, true));
        assertTrue(blocks.size() <= 50, "at most 50 blocks: " + blocks.size());
        for (JsonNode block : blocks) {
            assertTrue(block.path("text").path("text").asText().length() <= 3000, block.toString());
            assertTrue(block.path("fields").size() <= 10);
            for (JsonNode field : block.path("fields")) {
                assertTrue(field.path("text").asText().length() <= 2000, field.toString());
            }
        }
        String all = blocks.toString();
        assertTrue(all.contains("share_summary"), "the Share button is kept");
        assertTrue(all.contains("shortened to fit"), "says it was shortened");
        assertTrue(!all.contains("<!channel>"), "no broadcast through the bot");
    }

    private static ManagerSummary summary(List<FollowUp> items) {
        List<ManagerSummary.StepLines> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            steps.add(new ManagerSummary.StepLines(step, linesFor(step)));
        }
        return new ManagerSummary(
                7,
                "C0REVIEWS",
                new Review(
                        "Waited 40 minutes past my appointment & nobody said sorry. The front desk was rude.",
                        "Google",
                        2),
                steps,
                List.of("U0ALICE", "U0BOB"),
                STARTED,
                STARTED.plusSeconds(25 * 60),
                "https://example.slack.com/archives/C0REVIEWS/p1700000000000100",
                "They think we don't care",
                7,
                items);
    }

    private static List<ManagerSummary.Line> linesFor(Step step) {
        return switch (step) {
            case CIRCUMSTANCE ->
                List.of(
                        new ManagerSummary.Line("U0BOB", "A review on Google says the wait was 40 minutes", false),
                        new ManagerSummary.Line("U0ALICE", "The front desk was rude", true));
            case THOUGHT -> List.of(new ManagerSummary.Line("U0BOB", "They think we don't care", false));
            case FEELING -> List.of(new ManagerSummary.Line("U0ALICE", "Defeated", false));
            case NEW_THOUGHT ->
                List.of(new ManagerSummary.Line("U0ALICE", "One long wait doesn't undo years of care", false));
            case RESPONSE_PLAN ->
                List.of(
                        new ManagerSummary.Line(
                                "U0BOB", "reply: Thank you for telling us. Please call Dana at the front desk.", false),
                        new ManagerSummary.Line(
                                "U0ALICE", "action: call the reviewer back <@U0BOB> by 2026-12-03", false));
            default -> List.of();
        };
    }

    private static List<FollowUp> items() {
        return List.of(
                new FollowUp(1, 7, 1, "call the reviewer back", "U0BOB", LocalDate.of(2026, 12, 3), null, null),
                new FollowUp(
                        2,
                        7,
                        2,
                        "retrain the front desk on waiting times",
                        "U0CARA",
                        LocalDate.of(2026, 12, 1),
                        STARTED.plusSeconds(3600),
                        "U0CARA"),
                new FollowUp(3, 7, 3, "put a sign up about delays", null, null, null, null));
    }

    private static JsonNode blocks(SlackMessage message) throws IOException {
        return JSON.readTree(SLACK_JSON.toJson(message.blocks()));
    }

    /** Compares the message with a golden file as JSON trees; with {@code -Dgolden.update=true}, writes it instead. */
    private static void assertGolden(String name, SlackMessage message) throws IOException {
        JsonNode actual = JSON.createObjectNode().put("text", message.text()).set("blocks", blocks(message));
        Path file = GOLDEN.resolve(name);
        if (UPDATE || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode expected = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(
                expected,
                actual,
                () -> "the summary differs from " + file + "; if the change is intended, run with"
                        + " -Dgolden.update=true and review git diff:\n" + actual.toPrettyString());
    }
}
