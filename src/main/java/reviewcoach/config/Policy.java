package reviewcoach.config;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import reviewcoach.dialogue.PracticeType;

/**
 * The office's rules for what the bot accepts and keeps, and who may do what.
 *
 * @param maxReviewLength the longest review, in characters, that {@code /review} accepts
 * @param redactPii whether e-mail addresses and phone numbers in a pasted review are masked before it is posted or
 *     stored
 * @param retentionDays finished sessions older than this many days are deleted
 * @param managers Slack user ids who may delete any session
 * @param practice the kind of office: health care never confirms in public that a reviewer is a client
 * @param zone the office's time zone, in which "by Friday" or "by tomorrow" in a plan is read
 */
public record Policy(
        int maxReviewLength,
        boolean redactPii,
        int retentionDays,
        Set<String> managers,
        PracticeType practice,
        ZoneId zone) {

    public static final int DEFAULT_MAX_REVIEW_LENGTH = 20_000;
    /** UTC as a region, the way {@code DIGEST_TIME_ZONE} names it by default. */
    static final ZoneId UTC = ZoneId.of("UTC");

    public static final int DEFAULT_RETENTION_DAYS = 180;
    /** The longest review the database keeps (sessions.review_text). */
    public static final int LONGEST_REVIEW = 100_000;

    public Policy {
        if (maxReviewLength < 1) {
            throw new IllegalArgumentException("maxReviewLength must be positive");
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be positive");
        }
        managers = Set.copyOf(managers);
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(zone, "zone");
    }

    /** The rules in UTC, the time zone the settings default to. */
    public Policy(
            int maxReviewLength, boolean redactPii, int retentionDays, Set<String> managers, PracticeType practice) {
        this(maxReviewLength, redactPii, retentionDays, managers, practice, UTC);
    }

    /** The rules without a practice type, as before it was a setting. */
    public Policy(int maxReviewLength, boolean redactPii, int retentionDays, Set<String> managers) {
        this(maxReviewLength, redactPii, retentionDays, managers, PracticeType.GENERAL);
    }

    public static Policy defaults() {
        return new Policy(DEFAULT_MAX_REVIEW_LENGTH, false, DEFAULT_RETENTION_DAYS, Set.of());
    }

    public boolean isManager(String userId) {
        return managers.contains(userId);
    }

    public Policy withRedaction(boolean redact) {
        return new Policy(maxReviewLength, redact, retentionDays, managers, practice, zone);
    }

    public Policy withManagers(Set<String> newManagers) {
        return new Policy(maxReviewLength, redactPii, retentionDays, newManagers, practice, zone);
    }

    public Policy withMaxReviewLength(int newMaximum) {
        return new Policy(newMaximum, redactPii, retentionDays, managers, practice, zone);
    }

    public Policy withPractice(PracticeType newPractice) {
        return new Policy(maxReviewLength, redactPii, retentionDays, managers, newPractice, zone);
    }

    public Policy withZone(ZoneId newZone) {
        return new Policy(maxReviewLength, redactPii, retentionDays, managers, practice, newZone);
    }
}
