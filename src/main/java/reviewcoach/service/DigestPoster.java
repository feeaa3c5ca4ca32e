package reviewcoach.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import reviewcoach.summary.Digest;

/** Builds a digest from the store as it is when it is sent, and posts it to the summary channel. Thread-safe. */
public final class DigestPoster {

    /** A digest looks back one week. */
    public static final Duration PERIOD = Duration.ofDays(7);
    /** People listed with open action items; the rest are summed up. */
    static final int OWNERS_LISTED = 25;

    private final TeamActivity activity;
    private final TeamViews views;
    private final String channel;
    private final ZoneId zone;

    /**
     * @param channel where digests go (SUMMARY_CHANNEL), or null when they are not set up
     * @param zone the digest's time zone, which decides what is overdue
     */
    public DigestPoster(TeamActivity activity, TeamViews views, String channel, ZoneId zone) {
        this.activity = activity;
        this.views = views;
        this.channel = channel;
        this.zone = zone;
    }

    /** Sends the digest a delivery stands for: its subject is the end of the period, in epoch seconds. */
    public void send(Delivery delivery) {
        if (channel == null) {
            return;
        }
        Instant end;
        try {
            end = Instant.ofEpochSecond(Long.parseLong(delivery.subject()));
        } catch (NumberFormatException | NullPointerException malformed) {
            throw DeliveryFailure.permanent("malformed_digest_subject");
        }
        views.postDigest(channel, compose(end));
    }

    /** The digest of the week up to {@code end}. */
    public Digest compose(Instant end) {
        Instant from = end.minus(PERIOD);
        return new Digest(
                from,
                end,
                end.atZone(zone).toLocalDate(),
                activity.picture(null, from, end),
                activity.ownerLoads(end.atZone(zone).toLocalDate(), OWNERS_LISTED));
    }
}
