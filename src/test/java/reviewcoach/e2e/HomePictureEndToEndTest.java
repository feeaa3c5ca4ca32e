package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.HomeEvents;
import reviewcoach.testing.TestWorkspace;

/**
 * The first home of a workspace does not wait for the month's picture, which can take a second to draw on a busy
 * month: it is published at once, and published again with the picture once it is drawn.
 */
class HomePictureEndToEndTest {

    private static final String ON_ITS_WAY = "The month's picture is on its way";

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private RunningService service;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        service = RunningService.start(
                folder, slack, null, ReviewCoach.Tuning.standard().withFirstPictureWait(Duration.ZERO));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        slack.close();
    }

    @Test
    void theFirstHomeIsPublishedAtOnceAndAgainWithTheMonthsPictureOnceItIsDrawn() {
        new SessionFlow(service, slack).start("The front desk never called back.");
        service.awaitOutboxEmpty();

        AppClient.Reply reply =
                service.client().send(service.requests().event(HomeEvents.homeOpened(TestWorkspace.USER_ID)));
        assertEquals(200, reply.status(), reply.body());

        String first = slack.awaitCalls("views.publish", 1, RunningService.WAIT)
                .get(0)
                .jsonParam("view")
                .toString();
        assertTrue(first.contains("The front desk never called back"), "the rest of the home does not wait: " + first);
        // Drawing the picture takes a thread and a few queries, so with no wait the first home goes without it.
        // Should the drawing ever win that race, the first home already has it and there is nothing to publish again.
        if (first.contains(ON_ITS_WAY)) {
            List<FakeSlackApi.Call> publishes = slack.awaitCalls("views.publish", 2, RunningService.WAIT);
            FakeSlackApi.Call again = publishes.get(1);
            assertEquals(TestWorkspace.USER_ID, again.param("user_id"));
            String second = again.jsonParam("view").toString();
            assertFalse(second.contains(ON_ITS_WAY), second);
            assertTrue(second.contains("at a glance") && second.contains("*1* started"), second);
        }
        slack.awaitQuiet(Duration.ofMillis(300), RunningService.WAIT);
        assertEquals(
                first.contains(ON_ITS_WAY) ? 2 : 1,
                slack.calls("views.publish").size(),
                "published again once, not on every drawing");
    }
}
