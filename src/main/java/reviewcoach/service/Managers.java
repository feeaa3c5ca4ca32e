package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.PracticeType;

/**
 * Who counts as a manager in a workspace: the user ids its settings name ({@code MANAGERS} by default), and the
 * members of any user group ({@code S…}) named there, asked of Slack and kept for a few minutes. Thread-safe.
 */
public final class Managers {

    /** How long a user group's members are trusted before Slack is asked again. */
    public static final Duration GROUP_CACHE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(Managers.class);

    private final Offices offices;
    private final UserGroups groups;
    private final Clock clock;
    private final Map<Group, Members> cache = new ConcurrentHashMap<>();

    /**
     * @param offices each workspace's settings, which name its managers
     */
    public Managers(Offices offices, UserGroups groups, Clock clock) {
        this.offices = offices;
        this.groups = groups;
        this.clock = clock;
    }

    /** The same user ids in every workspace; user groups count as empty. */
    public static Managers named(Set<String> named) {
        return new Managers(
                Offices.fixed(new OfficeSettings(null, named, PracticeType.GENERAL)),
                UserGroups.NONE,
                Clock.systemUTC());
    }

    public boolean isManager(String workspace, String userId) {
        if (userId == null) {
            return false;
        }
        Set<String> named = offices.of(workspace).managers();
        if (named.contains(userId)) {
            return true;
        }
        for (String id : named) {
            if (isUserGroup(id) && membersOf(new Group(workspace, id)).contains(userId)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUserGroup(String id) {
        return id.startsWith("S");
    }

    private Set<String> membersOf(Group group) {
        Instant now = clock.instant();
        Members known = cache.get(group);
        if (known != null && now.isBefore(known.until())) {
            return known.ids();
        }
        try {
            Set<String> ids = Set.copyOf(groups.members(group.workspace(), group.id()));
            cache.put(group, new Members(ids, now.plus(GROUP_CACHE)));
            return ids;
        } catch (DeliveryFailure failure) {
            log.warn("user group {} unreadable ({}); using what was known", group.id(), failure.error());
            return known == null ? Set.of() : known.ids();
        }
    }

    private record Group(String workspace, String id) {}

    private record Members(Set<String> ids, Instant until) {}
}
