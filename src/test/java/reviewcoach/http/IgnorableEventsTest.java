package reviewcoach.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnorableEventsTest {

    private static String callback(String event) {
        return "{\"token\":\"x\",\"team_id\":\"T1\",\"type\":\"event_callback\",\"event_id\":\"Ev1\","
                + "\"authorizations\":[{\"team_id\":\"T1\",\"is_bot\":true}],\"event\":" + event + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            a top-level message                  | true  | {"type":"message","channel":"C1","user":"U1","text":"hi","ts":"1.1"}
            a thread's first message             | true  | {"type":"message","user":"U1","text":"hi","ts":"1.1","thread_ts":"1.1"}
            a bot's reply in a thread            | true  | {"type":"message","bot_id":"B1","text":"hi","ts":"1.2","thread_ts":"1.1"}
            a person's reply in a thread         | false | {"type":"message","user":"U1","text":"hi","ts":"1.2","thread_ts":"1.1"}
            a reply whose bot_id is null         | false | {"type":"message","bot_id":null,"user":"U1","ts":"1.2","thread_ts":"1.1"}
            a reply with blocks before the ts    | false | {"type":"message","blocks":[{"type":"rich_text","elements":[{"ts":"9"}]}],"user":"U1","ts":"1.2","thread_ts":"1.1"}
            an edit                              | false | {"type":"message","subtype":"message_changed","channel":"C1","ts":"1.3","message":{"ts":"1.1"}}
            a deletion                           | false | {"type":"message","subtype":"message_deleted","channel":"C1","ts":"1.3","deleted_ts":"1.2"}
            another event type                   | false | {"type":"app_home_opened","user":"U1","tab":"home"}
            a message without a ts               | false | {"type":"message","user":"U1","text":"hi"}
            a thread_ts that is not text         | false | {"type":"message","user":"U1","ts":"1.2","thread_ts":1.1}
            a user that is not text              | false | {"type":"message","user":[1],"text":"hi","ts":"1.1"}
            a text that is not text              | false | {"type":"message","user":"U1","text":{},"ts":"1.1"}
            an event that is not an object       | false | "message"
            """)
    void readsTheEventInsideACallback(String what, boolean ignorable, String event) {
        assertEquals(ignorable, IgnorableEvents.isIgnorable(callback(event).getBytes(UTF_8), null), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            a reply in a thread the bot started             | U0BOT | false | {"type":"message","user":"U1","ts":"1.2","thread_ts":"1.1","parent_user_id":"U0BOT"}
            a reply in a thread a person started            | U0BOT | true  | {"type":"message","user":"U1","ts":"1.2","thread_ts":"1.1","parent_user_id":"U2"}
            the starter's own reply in their thread         | U0BOT | true  | {"type":"message","user":"U2","ts":"1.2","thread_ts":"1.1","parent_user_id":"U2"}
            a reply whose starter is empty, as in samples   | U0BOT | false | {"type":"message","user":"U1","ts":"1.2","thread_ts":"1.1","parent_user_id":""}
            a reply whose starter is not text               | U0BOT | false | {"type":"message","user":"U1","ts":"1.2","thread_ts":"1.1","parent_user_id":7}
            a reply without a starter                       | U0BOT | false | {"type":"message","user":"U1","ts":"1.2","thread_ts":"1.1"}
            an edit in a thread a person started            | U0BOT | false | {"type":"message","subtype":"message_changed","ts":"1.3","thread_ts":"1.1","parent_user_id":"U2"}
            a reply in a person's thread, our bot not known | ''    | false | {"type":"message","user":"U1","ts":"1.2","thread_ts":"1.1","parent_user_id":"U2"}
            """)
    void judgesAReplyByWhoStartedItsThreadOnlyWhenBothAreKnown(
            String what, String ourBotUser, boolean ignorable, String event) {
        assertEquals(
                ignorable,
                IgnorableEvents.isIgnorable(callback(event).getBytes(UTF_8), ourBotUser.isEmpty() ? null : ourBotUser),
                what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            an empty body                 | ''
            a slash command's form        | token=x&command=%2Freview&text=hi
            an interactivity payload      | payload=%7B%22type%22%3A%22block_actions%22%7D
            a url_verification            | {"type":"url_verification","challenge":"c","event":{"type":"message","ts":"1.1"}}
            a callback cut short          | {"type":"event_callback","event":{"type":"message","ts":"1.1"
            JSON that is not JSON         | {"type":"event_callback",,,}
            a callback with no event      | {"type":"event_callback"}
            """)
    void leavesEverythingElseToBolt(String what, String body) {
        assertEquals(false, IgnorableEvents.isIgnorable(body.getBytes(UTF_8), "U0BOT"), what);
    }

    @Test
    void bytesThatAreNotUtf8AreLeftToTheEndpointsOwnCheck() {
        byte[] body =
                callback("{\"type\":\"message\",\"text\":\"X\",\"ts\":\"1.1\"}").getBytes(UTF_8);
        int at = new String(body, UTF_8).indexOf("\"X\"") + 1;
        body[at] = (byte) 0xC3;
        assertEquals(false, IgnorableEvents.isIgnorable(body, null));
    }
}
