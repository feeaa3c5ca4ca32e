package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.testing.MutableClock;

/** Each workspace's settings, the defaults behind them, who may change them, and each workspace's token. */
class OfficesTest {

    private static final OfficeSettings DEFAULTS =
            new OfficeSettings("C0DEFAULT", Set.of("S0LEADS"), PracticeType.GENERAL);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final Map<String, OfficeSettings> saved = new HashMap<>();
    private int reads;

    private final OfficeSettingsStore store = new OfficeSettingsStore() {
        @Override
        public Optional<OfficeSettings> find(String workspace) {
            reads++;
            return Optional.ofNullable(saved.get(workspace));
        }

        @Override
        public void save(String workspace, OfficeSettings settings, String changedBy, Instant now) {
            saved.put(workspace, settings);
        }

        @Override
        public void remove(String workspace) {
            saved.remove(workspace);
        }
    };

    @Test
    void aWorkspaceHasTheDefaultsUntilItChoosesAndAChoiceIsReadAgainAfterHalfAMinute() {
        Offices offices = new Offices(store, DEFAULTS, clock);
        assertEquals(DEFAULTS, offices.of("T0DENTAL"));

        OfficeSettings chosen = new OfficeSettings(null, Set.of("U0MAYA"), PracticeType.HEALTHCARE);
        offices.change("T0DENTAL", chosen, "U0ADMIN");
        assertEquals(chosen, offices.of("T0DENTAL"), "seen at once where it was saved");
        assertEquals(DEFAULTS, offices.of("T0SHOP"), "not by another workspace");

        saved.put("T0SHOP", chosen); // another instance saved it
        int before = reads;
        assertEquals(DEFAULTS, offices.of("T0SHOP"), "kept for half a minute");
        assertEquals(before, reads);
        clock.advance(Offices.KEPT.plus(Duration.ofSeconds(1)));
        assertEquals(chosen, offices.of("T0SHOP"));
    }

    @Test
    void aChangeKeepsTheUserGroupsAndIsRefusedToAnyoneButAnAdminOrAManager() {
        Offices offices = new Offices(store, DEFAULTS, clock);
        Managers managers = new Managers(offices, (workspace, group) -> Set.of("U0LEAD"), clock);
        OfficeAdmin admin = new OfficeAdmin(offices, managers, (workspace, user) -> user.equals("U0ADMIN"));

        assertEquals(
                OfficeAdmin.Result.NOT_ALLOWED,
                admin.change("T0DENTAL", "U0STAFF", "C0LEADS", Set.of("U0MAYA"), "HEALTHCARE"));
        assertEquals(DEFAULTS, offices.of("T0DENTAL"));

        assertEquals(
                OfficeAdmin.Result.CHANGED,
                admin.change("T0DENTAL", "U0LEAD", "C0LEADS", Set.of("U0MAYA"), "HEALTHCARE"),
                "a member of the managers' user group may");
        assertEquals(
                new OfficeSettings("C0LEADS", Set.of("U0MAYA", "S0LEADS"), PracticeType.HEALTHCARE),
                offices.of("T0DENTAL"));
        assertEquals(
                OfficeAdmin.Result.CHANGED,
                admin.change("T0DENTAL", "U0ADMIN", null, Set.of(), "GENERAL"),
                "a Slack admin may");
    }

    @Test
    void aSlackThatCannotSayWhetherSomeoneIsAnAdminMeansNo() {
        Offices offices = new Offices(store, DEFAULTS, clock);
        OfficeAdmin admin = new OfficeAdmin(offices, new Managers(offices, UserGroups.NONE, clock), (w, u) -> {
            throw DeliveryFailure.transientFailure("http_500", null);
        });
        assertEquals(OfficeAdmin.Result.NOT_ALLOWED, admin.change("T0DENTAL", "U0ADMIN", null, Set.of(), "GENERAL"));
    }

    @Test
    void eachInstalledWorkspaceHasItsOwnTokenUntilItIsUninstalled() {
        Installations installations = new InMemoryInstallations();
        installations.save(new Installation(
                "T0DENTAL", null, "xoxb-dental", "U0BOT", "B0BOT", "chat:write", "U0ADMIN", clock.instant()));
        installations.save(new Installation(
                "T0SHOP", null, "xoxb-shop", "U0BOT", "B0BOT", "chat:write", "U0ADMIN", clock.instant()));
        InstalledBotTokens tokens = new InstalledBotTokens(installations, clock);

        assertEquals("xoxb-dental", tokens.botTokenFor("T0DENTAL"));
        assertEquals("xoxb-shop", tokens.botTokenFor("T0SHOP"));
        tokens.uninstalled("T0SHOP");
        DeliveryFailure refused = assertThrows(DeliveryFailure.class, () -> tokens.botTokenFor("T0SHOP"));
        assertEquals("not_installed", refused.error());
        assertEquals(DeliveryFailure.Kind.PERMANENT, refused.kind());
        assertEquals(List.of("T0DENTAL"), installations.workspaces());
    }
}
