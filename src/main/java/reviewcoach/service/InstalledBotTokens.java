package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot token of each workspace the app was installed to through OAuth, read from the installations and kept for a
 * minute, so that a busy workspace does not cost a query per Slack call. Forgotten at once on this instance when the
 * app is uninstalled; another instance stops using it within the minute, and until then Slack refuses it anyway.
 * Thread-safe.
 */
public final class InstalledBotTokens implements BotTokens {

    static final Duration KEPT = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(InstalledBotTokens.class);

    private final Installations installations;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public InstalledBotTokens(Installations installations, Clock clock) {
        this.installations = Objects.requireNonNull(installations, "installations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String botTokenFor(String workspace) {
        Instant now = clock.instant();
        Known cached = known.get(workspace);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.token();
        }
        String token = installations
                .find(workspace)
                .map(Installation::botToken)
                .orElseThrow(() -> DeliveryFailure.permanent("not_installed"));
        known.put(workspace, new Known(token, now.plus(KEPT)));
        return token;
    }

    /** Whether the app is installed in a workspace (asked of the installations at most once a minute). */
    public boolean isInstalled(String workspace) {
        try {
            botTokenFor(workspace);
            return true;
        } catch (DeliveryFailure notInstalled) {
            return false;
        }
    }

    /** The app was uninstalled from a workspace, or its bot token revoked: the token is removed for good. */
    public void uninstalled(String workspace) {
        boolean removed = installations.remove(workspace);
        known.remove(workspace);
        log.info("workspace {} uninstalled; its bot token {}", workspace, removed ? "removed" : "was already gone");
    }

    private record Known(String token, Instant until) {}
}
