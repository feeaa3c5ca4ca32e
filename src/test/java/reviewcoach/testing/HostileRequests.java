package reviewcoach.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates malformed requests for the app's HTTP edge from a seed: most correctly signed, so they pass verification and
 * reach the app's own code, some unsigned, stale or mis-signed, and some to other paths and methods. The same seed gives
 * the same requests. Not thread-safe.
 */
public final class HostileRequests {

    private static final String EVENTS_PATH = AppClient.EVENTS_PATH;
    private static final List<String> OTHER_METHODS =
            List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");
    private static final List<String> OTHER_PATHS = List.of(
            "/slack/events/x",
            "/slack",
            "/healthz",
            "/slack/events?ssl_check=1",
            "/slack//events",
            "/slack/%2e%2e/healthz",
            "/slack/events;jsessionid=1",
            "/%00",
            "/slack/events%00");

    private final Random random;
    private final SlackRequests signer;
    private final HostileBodies bodies;
    private final List<Supplier<HostileBodies.Body>> kinds;

    /**
     * @param seed the seed; report it with any failure
     * @param signer signs as Slack would (its secret must be the app's)
     * @param thread a real session's thread, so some bodies reach the store
     * @param responseUrl a response URL on the fake Slack API
     */
    public HostileRequests(long seed, SlackRequests signer, String thread, String responseUrl) {
        this.random = new Random(seed);
        this.signer = signer;
        this.bodies = new HostileBodies(random, signer, thread, responseUrl);
        this.kinds = List.of(
                bodies::malformedJson,
                bodies::truncated,
                bodies::wrongContentType,
                bodies::notUtf8,
                bodies::unknownType,
                bodies::eventMissingFields,
                bodies::eventWrongTypes,
                bodies::eventInSessionThread,
                bodies::blockAction,
                bodies::viewSubmission,
                bodies::command,
                bodies::payloadNotJson,
                bodies::oddForm,
                bodies::deeplyNested,
                bodies::urlVerification);
    }

    /**
     * {@code count} requests: a few huge bodies and each kind signed once, then random kinds, of which about one in
     * eight is unsigned, stale or mis-signed, and one in twelve goes to another method or path.
     */
    public List<HostileRequest> generate(int count) {
        List<HostileRequest> requests = new ArrayList<>();
        requests.add(signed(bodies.huge(5)));
        requests.add(unsigned(bodies.huge(5)));
        requests.add(signed(bodies.huge(2)));
        for (Supplier<HostileBodies.Body> kind : kinds) {
            requests.add(signed(kind.get()));
        }
        while (requests.size() < count) {
            HostileBodies.Body body = kinds.get(random.nextInt(kinds.size())).get();
            int roll = random.nextInt(24);
            if (roll < 3) {
                requests.add(unsigned(body));
            } else if (roll < 5) {
                requests.add(elsewhere(body));
            } else {
                requests.add(signed(body));
            }
        }
        return requests;
    }

    private HostileRequest signed(HostileBodies.Body body) {
        return post(body.name(), body, signer.signedHeaders(body.bytes()));
    }

    private HostileRequest unsigned(HostileBodies.Body body) {
        Map<String, String> headers = new LinkedHashMap<>(signer.signedHeaders(body.bytes()));
        switch (random.nextInt(6)) {
            case 0 -> headers.remove(SignedRequest.SIGNATURE_HEADER);
            case 1 -> headers.remove(SignedRequest.TIMESTAMP_HEADER);
            case 2 -> headers.put(SignedRequest.SIGNATURE_HEADER, "v0=" + "0".repeat(64));
            case 3 ->
                headers.put(SignedRequest.TIMESTAMP_HEADER, pick(List.of("abc", "-1", "", "99999999999999999999")));
            case 4 -> headers.putAll(signer.agedBy(Duration.ofMinutes(6)).signedHeaders(body.bytes()));
            default -> headers.put(SignedRequest.SIGNATURE_HEADER, "v1=" + "a".repeat(64));
        }
        return post("unsigned " + body.name(), body, headers);
    }

    private HostileRequest elsewhere(HostileBodies.Body body) {
        Map<String, String> headers = signer.signedHeaders(body.bytes());
        if (random.nextBoolean()) {
            String method = pick(OTHER_METHODS);
            byte[] bytes = method.equals("GET") || method.equals("HEAD") ? new byte[0] : body.bytes();
            return new HostileRequest(
                    method + " " + body.name(), method, EVENTS_PATH, body.contentType(), bytes, headers);
        }
        String path = pick(OTHER_PATHS);
        return new HostileRequest(
                "POST " + path + " " + body.name(), "POST", path, body.contentType(), body.bytes(), headers);
    }

    private HostileRequest post(String name, HostileBodies.Body body, Map<String, String> headers) {
        return new HostileRequest(name, "POST", EVENTS_PATH, body.contentType(), body.bytes(), headers);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
