package reviewcoach.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.ReviewCoach;
import reviewcoach.config.SettingsException;
import reviewcoach.testing.Failure;
import reviewcoach.testing.FakeSlackApi;
import reviewcoach.testing.FakeSocketMode;

/** An app-level token Slack refuses stops the start with the fix, as a refused bot token does. */
class SocketModeStartEndToEndTest {

    @TempDir
    Path folder;

    private FakeSlackApi slack;
    private FakeSocketMode socket;

    @BeforeEach
    void start() {
        slack = FakeSlackApi.start();
        socket = FakeSocketMode.start();
        slack.answerSocketModeWith(socket::nextUrl);
    }

    @AfterEach
    void stop() {
        socket.close();
        slack.close();
    }

    @Test
    void aRefusedAppTokenStopsTheStartAndSaysWhereToMakeOne() {
        slack.failAlways("apps.connections.open", Failure.error("invalid_auth"));

        SettingsException refused = assertThrows(
                SettingsException.class,
                () -> RunningService.startInSocketMode(folder, slack, ReviewCoach.Tuning.standard()));

        assertTrue(refused.getMessage().startsWith("SLACK_APP_TOKEN was refused by Slack (invalid_auth)"));
        assertTrue(refused.getMessage().contains("connections:write"), refused.getMessage());
        assertFalse(refused.getMessage().contains(RunningService.APP_TOKEN), "never prints the token");
        assertTrue(socket.connections() == 0, "nothing connected");
    }
}
