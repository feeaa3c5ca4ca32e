package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.testing.MutableClock;

class ManagersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));
    private final List<String> asked = new ArrayList<>();
    private Set<String> leads = Set.of("U0LEAD");

    private final UserGroups groups = (workspace, groupId) -> {
        asked.add(workspace + "/" + groupId);
        return groupId.equals("S0LEADS") ? leads : Set.of();
    };

    private static final String OFFICE = "T0OFFICE";

    private static Offices offices(Set<String> named) {
        return Offices.fixed(new OfficeSettings(null, named, PracticeType.GENERAL));
    }

    @Test
    void aNamedUserAndTheMembersOfANamedUserGroupAreManagers() {
        Managers managers = new Managers(offices(Set.of("U0BOSS", "S0LEADS")), groups, clock);

        assertTrue(managers.isManager(OFFICE, "U0BOSS"));
        assertTrue(managers.isManager(OFFICE, "U0LEAD"));
        assertFalse(managers.isManager(OFFICE, "U0STAFF"));
        assertFalse(managers.isManager(OFFICE, null));
    }

    @Test
    void aUserGroupsMembersAreKeptForAFewMinutes() {
        Managers managers = new Managers(offices(Set.of("S0LEADS")), groups, clock);
        managers.isManager(OFFICE, "U0LEAD");
        managers.isManager(OFFICE, "U0NEW");
        assertEquals(List.of(OFFICE + "/S0LEADS"), asked, "asked once, of the workspace's own group");

        leads = Set.of("U0LEAD", "U0NEW");
        clock.advance(Managers.GROUP_CACHE.plus(Duration.ofSeconds(1)));
        assertTrue(managers.isManager(OFFICE, "U0NEW"), "asked again once the cache ran out");
        assertEquals(2, asked.size());
    }

    @Test
    void whenSlackCannotSayWhatWasKnownStands() {
        List<Boolean> failing = new ArrayList<>(List.of(false));
        UserGroups flaky = (workspace, groupId) -> {
            if (failing.get(0)) {
                throw DeliveryFailure.transientFailure("http_500", null);
            }
            return Set.of("U0LEAD");
        };
        Managers managers = new Managers(offices(Set.of("S0LEADS")), flaky, clock);
        assertTrue(managers.isManager(OFFICE, "U0LEAD"));

        failing.set(0, true);
        clock.advance(Duration.ofHours(1));
        assertTrue(managers.isManager(OFFICE, "U0LEAD"));
        assertFalse(managers.isManager(OFFICE, "U0STAFF"));
    }
}
