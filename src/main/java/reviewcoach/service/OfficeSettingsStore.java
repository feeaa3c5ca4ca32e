package reviewcoach.service;

import java.time.Instant;
import java.util.Optional;

/** The settings each workspace chose in the App Home; a workspace that chose none has none here. Thread-safe. */
public interface OfficeSettingsStore {

    Optional<OfficeSettings> find(String workspace);

    /** Keeps a workspace's settings, replacing what it had. */
    void save(String workspace, OfficeSettings settings, String changedBy, Instant now);

    /** Forgets a workspace's settings (when the app is uninstalled from it). */
    void remove(String workspace);
}
