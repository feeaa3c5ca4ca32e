package reviewcoach.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The service's in-memory caches: entries kept for a while as the service's clock measures it. */
final class ClockedCaches {

    private ClockedCaches() {}

    /**
     * A Caffeine builder whose entries expire {@code kept} after they were written, by {@code clock} (so tests can move
     * time), doing its upkeep on the caller's thread rather than in a pool of its own.
     */
    static Caffeine<Object, Object> expiringAfter(Duration kept, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return Caffeine.newBuilder()
                .expireAfterWrite(kept)
                .ticker(() -> Duration.between(Instant.EPOCH, clock.instant()).toNanos())
                .executor(Runnable::run);
    }
}
