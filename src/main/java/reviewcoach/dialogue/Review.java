package reviewcoach.dialogue;

import java.util.Objects;
import java.util.Optional;

/**
 * The review a team works through: its words as pasted, and where it appeared and its star rating when known.
 *
 * @param text the review as pasted, never blank
 * @param source where it was posted ("Google", "Yelp"), or null when not given
 * @param rating stars from 1 to 5, or null when not given
 */
public record Review(String text, String source, Integer rating) {
    public Review {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a review needs its text");
        }
        if (source != null && source.isBlank()) {
            source = null;
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars, got " + rating);
        }
    }

    public static Review of(String text) {
        return new Review(text, null, null);
    }

    public Optional<String> sourceIfKnown() {
        return Optional.ofNullable(source);
    }

    public Optional<Integer> ratingIfKnown() {
        return Optional.ofNullable(rating);
    }
}
