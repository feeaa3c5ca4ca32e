package reviewcoach.dialogue;

import java.util.Locale;

/** What kind of office uses the coach; health care adds the duty never to confirm that a reviewer is a client. */
public enum PracticeType {
    /** A shop, a studio, any office without a duty of confidentiality about who its customers are. */
    GENERAL,
    /** Therapy, a clinic, a dental office: anything where being a client or patient is itself confidential. */
    HEALTHCARE;

    /**
     * Reads a setting leniently.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PracticeType parse(String value) {
        if (value == null || value.isBlank()) {
            return GENERAL;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "general", "shop", "retail", "business" -> GENERAL;
            case "healthcare", "health", "health care", "therapy", "clinic", "dental", "medical" -> HEALTHCARE;
            default ->
                throw new IllegalArgumentException("'" + value
                        + "' is not a practice type: use general, or healthcare (also: therapy, clinic, dental,"
                        + " medical)");
        };
    }
}
