package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who counts as a manager: the user ids in {@code MANAGERS}, and the members of any user group ({@code S…}) named
 * there, asked of Slack and kept for a few minutes. Thread-safe.
 */
public final class Managers {

    /** How long a user group's members are trusted before Slack is asked again. */
    public static final Duration GROUP_CACHE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(Managers.class);

    private final Set<String> named;
    private final UserGroups groups;
    private final Clock clock;
    private final Map<String, Members> cache = new ConcurrentHashMap<>();

    /**
     * @param named user ids and user group ids, as {@code MANAGERS} lists them
     */
    public Managers(Set<String> named, UserGroups groups, Clock clock) {
        this.named = Set.copyOf(named);
        this.groups = groups;
        this.clock = clock;
    }

    /** Only the user ids named; user groups count as empty. */
    public static Managers named(Set<String> named) {
        return new Managers(named, UserGroups.NONE, Clock.systemUTC());
    }

    public boolean isManager(String userId) {
        if (userId == null) {
            return false;
        }
        if (named.contains(userId)) {
            return true;
        }
        for (String id : named) {
            if (isUserGroup(id) && membersOf(id).contains(userId)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUserGroup(String id) {
        return id.startsWith("S");
    }

    private Set<String> membersOf(String groupId) {
        Instant now = clock.instant();
        Members known = cache.get(groupId);
        if (known != null && now.isBefore(known.until())) {
            return known.ids();
        }
        try {
            Set<String> ids = Set.copyOf(groups.members(groupId));
            cache.put(groupId, new Members(ids, now.plus(GROUP_CACHE)));
            return ids;
        } catch (DeliveryFailure failure) {
            log.warn("user group {} unreadable ({}); using what was known", groupId, failure.error());
            return known == null ? Set.of() : known.ids();
        }
    }

    private record Members(Set<String> ids, Instant until) {}
}
