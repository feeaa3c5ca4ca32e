package reviewcoach.service;

import java.util.List;
import java.util.Optional;

/** Where the workspaces' installations live: one per workspace, the latest install winning. Thread-safe. */
public interface Installations {

    /** Keeps an installation, replacing any earlier one of the same workspace. */
    void save(Installation installation);

    Optional<Installation> find(String workspace);

    /** The ids of every workspace the app is installed to (for the weekly digests). */
    List<String> workspaces();

    /**
     * Forgets a workspace's installation ({@code app_uninstalled}, or its bot token revoked).
     *
     * @return true when there was one
     */
    boolean remove(String workspace);
}
