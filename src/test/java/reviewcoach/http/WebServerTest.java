package reviewcoach.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import reviewcoach.service.SlackHealth;
import reviewcoach.testing.AppClient;
import reviewcoach.testing.TestWorkspace;

class WebServerTest {

    @Test
    void aPreparedServerTakesNoConnectionUntilItListens() throws Exception {
        int port = freePort();
        App app = app();
        try (WebServer web = WebServer.prepare(
                port,
                app,
                TestWorkspace.SIGNING_SECRET,
                Clock.systemUTC(),
                () -> true,
                new SlackHealth(),
                null,
                null,
                () -> null)) {
            assertThrows(ConnectException.class, () -> connect(port), "prepared, the port is not open yet");
            assertEquals(-1, web.port());

            web.listen();

            assertEquals(port, web.port());
            assertEquals(200, AppClient.onLocalPort(port).get("/healthz").status());
        }
        assertThrows(ConnectException.class, () -> connect(port), "closed, the port is free again");
    }

    @Test
    void aServerClosedBeforeItListenedStopsCleanly() throws Exception {
        int port = freePort();
        WebServer web = WebServer.prepare(
                port,
                app(),
                TestWorkspace.SIGNING_SECRET,
                Clock.systemUTC(),
                () -> true,
                new SlackHealth(),
                null,
                null,
                () -> null);

        web.close();

        assertThrows(ConnectException.class, () -> connect(port));
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort(), "nothing holds the port");
        }
    }

    private static App app() {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.getMethodsConfig().setStatsEnabled(false);
        AppConfig config = AppConfig.builder()
                .signingSecret(TestWorkspace.SIGNING_SECRET)
                .singleTeamBotToken(null)
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                .slack(Slack.getInstance(slackConfig))
                .build();
        return new App(config, List.of());
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
