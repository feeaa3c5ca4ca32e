package reviewcoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeelingsTest {

    @Test
    void mergesTheSameFeelingWrittenDifferentlyAndPutsTheMostCommonFirst() {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("Anxious", 2L);
        lines.put(" anxious. ", 1L);
        lines.put("angry", 3L);
        lines.put("embarrassed!", 1L);
        lines.put("...", 4L);

        assertEquals(
                List.of(new Tally("angry", 3), new Tally("anxious", 3), new Tally("embarrassed", 1)),
                Feelings.mostCommon(lines, 5));
    }

    @Test
    void keepsOnlyTheLimit() {
        assertEquals(List.of(new Tally("sad", 5)), Feelings.mostCommon(Map.of("sad", 5L, "hurt", 1L, "calm", 2L), 1));
    }

    @Test
    void shortensALongLineToLabelABar() {
        String label = Feelings.normalise("frustrated ".repeat(10));
        assertEquals(40, label.length());
        assertEquals('…', label.charAt(39));
    }
}
