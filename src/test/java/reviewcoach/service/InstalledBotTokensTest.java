package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import reviewcoach.testing.MutableClock;

/** A workspace's bot token is read from the installations once a minute, and forgotten at once on uninstall. */
class InstalledBotTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final InMemoryInstallations installations = new InMemoryInstallations();
    private final InstalledBotTokens tokens = new InstalledBotTokens(installations, clock);

    @Test
    void aWorkspacesTokenIsReadOnceAMinuteAndAReinstallIsSeenAfterIt() {
        installations.save(installed("T0DENTAL", "xoxb-first"));

        assertEquals("xoxb-first", tokens.botTokenFor("T0DENTAL"));
        assertEquals("xoxb-first", tokens.botTokenFor("T0DENTAL"));
        installations.save(installed("T0DENTAL", "xoxb-second")); // installed again, through another instance
        clock.advance(InstalledBotTokens.KEPT.minusSeconds(1));
        assertEquals("xoxb-first", tokens.botTokenFor("T0DENTAL"));
        assertEquals(1, installations.reads(), "one read within the minute");

        clock.advance(Duration.ofSeconds(2));
        assertEquals("xoxb-second", tokens.botTokenFor("T0DENTAL"));
        assertEquals(2, installations.reads());
    }

    @Test
    void aWorkspaceThatIsNotInstalledIsRefusedAndAskedAboutAgain() {
        DeliveryFailure refused = assertThrows(DeliveryFailure.class, () -> tokens.botTokenFor("T0NOBODY"));
        assertEquals("not_installed", refused.error());
        assertFalse(tokens.isInstalled("T0NOBODY"));

        installations.save(installed("T0NOBODY", "xoxb-now"));
        assertTrue(tokens.isInstalled("T0NOBODY"), "installed a moment later: no refusal was kept");
        assertEquals(3, installations.reads());
    }

    @Test
    void uninstallingForgetsTheKeptTokenAtOnce() {
        installations.save(installed("T0SHOP", "xoxb-shop"));
        assertEquals("xoxb-shop", tokens.botTokenFor("T0SHOP"));

        tokens.uninstalled("T0SHOP");

        assertThrows(DeliveryFailure.class, () -> tokens.botTokenFor("T0SHOP"));
        assertEquals(List.of(), installations.workspaces());
    }

    private Installation installed(String workspace, String token) {
        return new Installation(workspace, null, token, "U0BOT", "B0BOT", "chat:write", "U0ADMIN", clock.instant());
    }
}
