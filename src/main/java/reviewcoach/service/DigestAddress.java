package reviewcoach.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a digest goes and whose week it tells: one workspace's, or (with one workspace set up by environment) all the
 * store holds. Written into the digest's outbox subject, so that the sender knows it however much later it sends.
 *
 * @param workspace the workspace whose week it tells and whose bot posts it, or null for every workspace in the store
 * @param channel the channel it goes to
 */
public record DigestAddress(String workspace, String channel) {

    private static final String EVERY_WORKSPACE = "*";

    public DigestAddress {
        Objects.requireNonNull(channel, "channel");
    }

    /** The outbox subject of this address's digest of the period ending at {@code end}. */
    public String subject(Instant end) {
        return end.getEpochSecond() + " " + (workspace == null ? EVERY_WORKSPACE : workspace) + " " + channel;
    }

    /**
     * The address and period end a subject names, or empty when it names none. A subject written before digests had
     * addresses holds only the end, and has a null address: it goes where a workspace without one would send it.
     */
    static Optional<Addressed> parse(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String[] parts = subject.split(" ");
        if (parts.length != 3 && parts.length != 1) {
            return Optional.empty();
        }
        try {
            Instant end = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            if (parts.length == 1) {
                return Optional.of(new Addressed(null, end));
            }
            String workspace = parts[1].equals(EVERY_WORKSPACE) ? null : parts[1];
            return Optional.of(new Addressed(new DigestAddress(workspace, parts[2]), end));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    /** A digest's address and the end of the week it tells. */
    record Addressed(DigestAddress address, Instant end) {}
}
