package reviewcoach.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Installations kept in memory, for tests; it counts how often one is looked up. Thread-safe. */
final class InMemoryInstallations implements Installations {

    private final Map<String, Installation> installed = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public void save(Installation installation) {
        installed.put(installation.workspace(), installation);
    }

    @Override
    public Optional<Installation> find(String workspace) {
        reads.incrementAndGet();
        return Optional.ofNullable(installed.get(workspace));
    }

    @Override
    public List<String> workspaces() {
        return List.copyOf(installed.keySet());
    }

    @Override
    public boolean remove(String workspace) {
        return installed.remove(workspace) != null;
    }

    /** How many times {@link #find} was asked. */
    int reads() {
        return reads.get();
    }
}
