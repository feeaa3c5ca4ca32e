package reviewcoach.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import reviewcoach.summary.Digest;

/**
 * Builds a digest from the store as it is when it is sent, and posts it where its delivery says: one workspace's week
 * to that workspace's channel. Thread-safe.
 */
public final class DigestPoster {

    /** A digest looks back one week. */
    public static final Duration PERIOD = Duration.ofDays(7);
    /** People listed with open action items; the rest are summed up. */
    static final int OWNERS_LISTED = 25;

    private final TeamActivity activity;
    private final TeamViews views;
    private final ZoneId zone;
    private final DigestAddresses addresses;

    /**
     * @param zone the digest's time zone, which decides what is overdue
     * @param addresses where a digest queued before digests had addresses goes
     */
    public DigestPoster(TeamActivity activity, TeamViews views, ZoneId zone, DigestAddresses addresses) {
        this.activity = activity;
        this.views = views;
        this.zone = zone;
        this.addresses = addresses;
    }

    /** Sends the digest a delivery stands for: its subject is its {@link DigestAddress#subject(Instant) address}. */
    public void send(Delivery delivery) {
        DigestAddress.Addressed digest = DigestAddress.parse(delivery.subject())
                .orElseThrow(() -> DeliveryFailure.permanent("malformed_digest_subject"));
        DigestAddress to = digest.address() != null
                ? digest.address()
                : addresses.of(null).orElseThrow(() -> DeliveryFailure.permanent("no_summary_channel"));
        views.postDigest(to.workspace(), to.channel(), compose(to.workspace(), digest.end()));
    }

    /**
     * The digest of the week up to {@code end}.
     *
     * @param workspace whose week, or null for every workspace in the store
     */
    public Digest compose(String workspace, Instant end) {
        Instant from = end.minus(PERIOD);
        return new Digest(
                from,
                end,
                end.atZone(zone).toLocalDate(),
                activity.picture(workspace, from, end),
                activity.ownerLoads(workspace, end.atZone(zone).toLocalDate(), OWNERS_LISTED));
    }
}
