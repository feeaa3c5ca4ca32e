package reviewcoach.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's settings: what its admin chose in the App Home, or else the defaults from the environment. Read
 * settings are kept for half a minute, so another instance sees a change within that. Thread-safe.
 */
public final class Offices {

    static final Duration KEPT = Duration.ofSeconds(30);

    private final OfficeSettingsStore store;
    private final OfficeSettings defaults;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /**
     * @param store the settings workspaces chose, or null when they cannot choose (one workspace, set up by environment)
     * @param defaults the environment's settings, for a workspace that chose none
     */
    public Offices(OfficeSettingsStore store, OfficeSettings defaults, Clock clock) {
        this.store = store;
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every workspace has the environment's settings and cannot change them. */
    public static Offices fixed(OfficeSettings defaults) {
        return new Offices(null, defaults, Clock.systemUTC());
    }

    public OfficeSettings of(String workspace) {
        if (store == null || workspace == null) {
            return defaults;
        }
        Instant now = clock.instant();
        Known cached = known.get(workspace);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.settings();
        }
        OfficeSettings settings = store.find(workspace).orElse(defaults);
        known.put(workspace, new Known(settings, now.plus(KEPT)));
        return settings;
    }

    /** Keeps what a workspace's admin chose. */
    public void change(String workspace, OfficeSettings settings, String changedBy) {
        if (store == null) {
            throw new IllegalStateException("settings come from the environment here");
        }
        store.save(workspace, settings, changedBy, clock.instant());
        known.remove(workspace);
    }

    private record Known(OfficeSettings settings, Instant until) {}
}
