package reviewcoach.service;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot token of each workspace the app was installed to through OAuth, read from the installations and kept for a
 * minute, so that a busy workspace does not cost a query per Slack call (callers asking for one workspace at once share
 * one read). Forgotten at once on this instance when the app is uninstalled; another instance stops using it within
 * the minute, and until then Slack refuses it anyway. A workspace that is not installed is asked about each time.
 * Thread-safe.
 */
public final class InstalledBotTokens implements BotTokens {

    static final Duration KEPT = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(InstalledBotTokens.class);

    private final Installations installations;
    private final Cache<String, String> known;

    /** @param clock what {@link #KEPT} is measured by */
    public InstalledBotTokens(Installations installations, Clock clock) {
        this.installations = Objects.requireNonNull(installations, "installations");
        this.known = ClockedCaches.expiringAfter(KEPT, clock).build();
    }

    @Override
    public String botTokenFor(String workspace) {
        return known.get(workspace, this::installedToken);
    }

    private String installedToken(String workspace) {
        return installations
                .find(workspace)
                .map(Installation::botToken)
                .orElseThrow(() -> DeliveryFailure.permanent("not_installed"));
    }

    /** Whether the app is installed in a workspace (asked of the installations at most once a minute while it is). */
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
        known.invalidate(workspace);
        log.info("workspace {} uninstalled; its bot token {}", workspace, removed ? "removed" : "was already gone");
    }
}
