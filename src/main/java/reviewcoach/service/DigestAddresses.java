package reviewcoach.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where digests go: with one workspace, the summary channel from the environment, telling everything in the store;
 * with the app installed to many, each installed workspace's own summary channel, telling only that workspace's week.
 * Thread-safe.
 */
public final class DigestAddresses {

    private final Offices offices;
    private final Supplier<List<String>> installedWorkspaces;

    /**
     * @param installedWorkspaces the workspaces the app is installed to, or null for one workspace set up by
     *     environment
     */
    public DigestAddresses(Offices offices, Supplier<List<String>> installedWorkspaces) {
        this.offices = Objects.requireNonNull(offices, "offices");
        this.installedWorkspaces = installedWorkspaces;
    }

    /** Every digest of a week. */
    public List<DigestAddress> all() {
        if (installedWorkspaces == null) {
            return of(null).stream().toList();
        }
        return installedWorkspaces.get().stream()
                .flatMap(workspace -> of(workspace).stream())
                .toList();
    }

    /** Where a workspace's digest goes, if it has a summary channel. */
    public Optional<DigestAddress> of(String workspace) {
        String channel = offices.of(workspace).summaryChannel();
        if (channel == null) {
            return Optional.empty();
        }
        return Optional.of(new DigestAddress(installedWorkspaces == null ? null : workspace, channel));
    }
}
