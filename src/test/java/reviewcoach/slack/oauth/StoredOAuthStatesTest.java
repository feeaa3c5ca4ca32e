package reviewcoach.slack.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.store.JdbcOAuthStates;
import reviewcoach.testing.AllAtOnce;
import reviewcoach.testing.SettableClock;
import reviewcoach.testing.TestDatabase;

class StoredOAuthStatesTest {

    private static final String COOKIE = "slack-app-oauth-state";
    private static final String SECRET = "a-state-secret-for-tests-only";

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T15:00:00Z"));
    private StoredOAuthStates states;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.create(directory);
        dataSource = database.open();
        states = new StoredOAuthStates(new JdbcOAuthStates(dataSource), clock, SECRET);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void aNewStateIsLongRandomAndSetInACookieForTenMinutes() throws Exception {
        Response response = new Response();
        String state = states.issueNewState(returnFromSlack("unused"), response);

        assertTrue(state.matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}"), state);
        assertNotEquals(state, states.issueNewState(returnFromSlack("unused"), new Response()));
        String cookie = response.getHeaders().get("Set-Cookie").get(0);
        assertTrue(cookie.startsWith(COOKIE + "=" + state + ";"), cookie);
        assertTrue(cookie.contains("Max-Age=600"), cookie);
    }

    @Test
    void aStateLetsOneReturnThroughAndNoMore() throws Exception {
        String state = states.issueNewState(returnFromSlack("unused"), new Response());
        OAuthCallbackRequest back = returnFromSlack(state);

        assertTrue(states.isValid(back));
        states.consume(back, new Response());
        assertFalse(states.isValid(returnFromSlack(state)));
    }

    @Test
    void aStateIssuedByOneInstanceIsGoodAtAnother() throws Exception {
        String state = states.issueNewState(returnFromSlack("unused"), new Response());
        StoredOAuthStates otherInstance = new StoredOAuthStates(new JdbcOAuthStates(dataSource), clock, SECRET);

        assertTrue(otherInstance.isValid(returnFromSlack(state)));
        assertFalse(states.isValid(returnFromSlack(state)));
    }

    @Test
    void aStateIsRefusedTenMinutesAfterItWasIssued() throws Exception {
        String state = states.issueNewState(returnFromSlack("unused"), new Response());

        clock.advance(Duration.ofMinutes(10));

        assertFalse(states.isValid(returnFromSlack(state)));
    }

    @Test
    void aStateNeverIssuedIsRefused() {
        assertFalse(states.isValid(returnFromSlack("made-up-state")));
    }

    @Test
    void aStateSignedWithAnotherSecretIsRefusedEvenIfStored() throws Exception {
        StoredOAuthStates otherApp =
                new StoredOAuthStates(new JdbcOAuthStates(dataSource), clock, "another-secret-entirely");
        String theirs = otherApp.issueNewState(returnFromSlack("unused"), new Response());

        assertFalse(states.isValid(returnFromSlack(theirs)));
        String nonce = theirs.substring(0, theirs.indexOf('.'));
        assertFalse(states.isValid(returnFromSlack(nonce + ".forged")));
        assertFalse(states.isValid(returnFromSlack(nonce)));
    }

    @Test
    void ofTwoReturnsWithTheSameStateAtOnceExactlyOneIsLetThrough() throws Exception {
        String state = states.issueNewState(returnFromSlack("unused"), new Response());

        List<Boolean> answers = AllAtOnce.run(2, () -> states.isValid(returnFromSlack(state)));

        assertEquals(1, Collections.frequency(answers, true), answers.toString());
    }

    /** The browser's return to {@code /slack/oauth_redirect}, with the state in the query and in its cookie. */
    private static OAuthCallbackRequest returnFromSlack(String state) {
        return new OAuthCallbackRequest(
                Map.of("state", List.of(state), "code", List.of("the-code")),
                "",
                null,
                new RequestHeaders(Map.of("Cookie", List.of(COOKIE + "=" + state))));
    }
}
