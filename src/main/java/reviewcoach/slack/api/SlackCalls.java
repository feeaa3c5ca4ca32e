package reviewcoach.slack.api;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import reviewcoach.service.DeliveryFailure;

/** Runs one Web API call and turns every way it can fail into a {@link DeliveryFailure} of the right kind. */
final class SlackCalls {

    /** {@code ok:false} errors that mean Slack is having trouble, not that the request is wrong. */
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org");

    /** One call of the SDK. */
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private SlackCalls() {}

    /**
     * Runs a call.
     *
     * @return the response, always {@code ok:true}
     * @throws DeliveryFailure when Slack refuses or cannot be reached
     */
    static <T extends SlackApiTextResponse> T run(Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException failure) {
            throw fromHttpStatus(failure);
        } catch (IOException failure) {
            throw DeliveryFailure.transientFailure(
                    "io_error " + failure.getClass().getSimpleName(), failure);
        }
        if (response.isOk()) {
            return response;
        }
        throw fromError(response.getError());
    }

    static DeliveryFailure fromError(String error) {
        String code = error == null ? "unknown_error" : error;
        if (code.equals("ratelimited") || code.equals("rate_limited")) {
            return DeliveryFailure.rateLimited(Duration.ofSeconds(1));
        }
        if (TRANSIENT_ERRORS.contains(code)) {
            return DeliveryFailure.transientFailure(code, null);
        }
        return DeliveryFailure.permanent(code);
    }

    private static DeliveryFailure fromHttpStatus(SlackApiException failure) {
        int status = failure.getResponse().code();
        if (status == 429) {
            return DeliveryFailure.rateLimited(retryAfter(failure.getResponse().header("Retry-After")));
        }
        if (status >= 500 || status == 408) {
            return DeliveryFailure.transientFailure("http_" + status, failure);
        }
        if (failure.getError() != null && failure.getError().getError() != null) {
            return fromError(failure.getError().getError());
        }
        return DeliveryFailure.permanent("http_" + status);
    }

    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                if (seconds >= 0 && seconds <= 3600) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException notSeconds) {
                // Slack sends seconds; anything else gets the default below
            }
        }
        return Duration.ofSeconds(1);
    }
}
