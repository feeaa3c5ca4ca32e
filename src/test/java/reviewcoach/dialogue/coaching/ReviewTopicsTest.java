package reviewcoach.dialogue.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.coaching.ReviewTopics.Topic;

class ReviewTopicsTest {

    @Test
    void findsTopicsInTheOrderTheReviewRaisesThemEachOnce() {
        assertEquals(
                List.of(Topic.WAIT_TIMES, Topic.BILLING, Topic.FRONT_DESK),
                ReviewTopics.in("Waited an hour, then was overcharged. The receptionist shrugged. Waited again."));
    }

    @Test
    void aDentalCleaningOrAReturnedCallIsNotAboutCleanlinessOrProducts() {
        assertEquals(List.of(), ReviewTopics.in("My cleaning took twenty minutes and nobody returned my messages."));
    }

    @Test
    void aReviewWithNoKnownTopicHasNone() {
        assertEquals(List.of(), ReviewTopics.in("Worst experience of my life. 🙁"));
    }
}
