package reviewcoach.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import reviewcoach.testing.FakeSlackApi.Call;

/** Answers one HTTP exchange for the fake: names the call, applies any planned failure, records it, replies. */
final class SlackApiHandler implements HttpHandler {

    static final String API_PATH = "/api/";
    static final String RESPONSE_PATH = "/response/";

    private final CallLog log;
    private final FailurePlan failures;
    private final SlackApiAnswers answers;

    SlackApiHandler(CallLog log, FailurePlan failures, SlackApiAnswers answers) {
        this.log = log;
        this.failures = failures;
        this.answers = answers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant arrivedAt = Instant.now();
            String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String method = methodOf(exchange.getRequestURI().getPath());
            Map<String, String> params =
                    RequestParams.parse(exchange.getRequestURI().getRawQuery(), contentType, rawBody);
            Optional<Answer> answer = answerFor(method, params);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int status = answer.map(Answer::status).orElse(Call.NO_ANSWER);
            log.record(new Call(method, params, rawBody, contentType, authorization, arrivedAt, status));
            if (answer.isPresent()) {
                send(exchange, answer.get());
            }
        }
    }

    /** The Web API method name, {@code response_url:<id>} for response URLs, or the raw path for anything else. */
    private static String methodOf(String path) {
        if (path.startsWith(API_PATH)) {
            return path.substring(API_PATH.length());
        }
        if (path.startsWith(RESPONSE_PATH)) {
            return FakeSlackApi.responseUrlMethod(path.substring(RESPONSE_PATH.length()));
        }
        return path;
    }

    /** The answer to send, or empty to drop the connection without one. */
    private Optional<Answer> answerFor(String method, Map<String, String> params) {
        Optional<Failure> failure = failures.takeFor(method);
        if (failure.isEmpty()) {
            return Optional.of(normalAnswer(method, params));
        }
        if (failure.get() instanceof Failure.Slow slow) {
            return pause(slow) ? Optional.of(normalAnswer(method, params)) : Optional.empty();
        }
        if (failure.get() instanceof Failure.DroppedConnection) {
            return Optional.empty();
        }
        return Optional.of(failedAnswer(failure.get()));
    }

    private Answer normalAnswer(String method, Map<String, String> params) {
        if (method.startsWith(FakeSlackApi.RESPONSE_URL_METHOD_PREFIX)) {
            return Answer.json(200, "{\"ok\":true}", Map.of());
        }
        if (method.startsWith("/")) {
            return Answer.text(404, "Not found: " + method);
        }
        return answers.answer(method, params);
    }

    private static Answer failedAnswer(Failure failure) {
        if (failure instanceof Failure.RateLimited limited) {
            return Answer.json(
                    429,
                    "{\"ok\":false,\"error\":\"ratelimited\"}",
                    Map.of("Retry-After", String.valueOf(limited.retryAfterSeconds())));
        }
        if (failure instanceof Failure.ServerError serverError) {
            return Answer.text(serverError.status(), "fake Slack API failure (HTTP " + serverError.status() + ")");
        }
        Failure.SlackError slackError = (Failure.SlackError) failure;
        return Answer.json(
                JsonNodeFactory.instance.objectNode().put("ok", false).put("error", slackError.error()));
    }

    /** Sleeps for the delay; false if the fake is closing meanwhile. */
    private static boolean pause(Failure.Slow slow) {
        try {
            Thread.sleep(slow.delay().toMillis());
            return true;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
