package reviewcoach.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDetailsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Email me at jane.doe+reviews@example.co.uk now|Email me at [email removed] now",
                "Call (555) 123-4567 today|Call [phone removed] today",
                "Call 555-123-4567.|Call [phone removed].",
                "Call +1 555 123 4567|Call [phone removed]",
                "Tel 555.123.4567|Tel [phone removed]",
                "UK 020 7946 0958 works|UK [phone removed] works",
                "SSN 123-45-6789 on file|SSN [number removed] on file",
                "Card 4111111111111111 charged|Card [number removed] charged",
                "Waited 45 minutes on 3/14 for a 2 pm slot|Waited 45 minutes on 3/14 for a 2 pm slot",
                "Paid $120 in 2024, 5 stars|Paid $120 in 2024, 5 stars",
                "Room 12, floor 3|Room 12, floor 3"
            })
    void masksIdentifiersAndLeavesOrdinaryNumbers(String pasted, String expected) {
        assertEquals(expected, PersonalDetails.mask(pasted));
    }
}
