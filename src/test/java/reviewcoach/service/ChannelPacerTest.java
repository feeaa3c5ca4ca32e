package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void letsABurstGoThenOneMessageASecond() {
        ChannelPacer pacer = new ChannelPacer(5, Duration.ofSeconds(1));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(pacer.reserve("C1", NOW).toMillis());
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 1000L, 2000L, 3000L), waits);
    }

    @Test
    void channelsArePacedApartAndTheBucketRefills() {
        ChannelPacer pacer = new ChannelPacer(2, Duration.ofSeconds(1));
        pacer.reserve("C1", NOW);
        pacer.reserve("C1", NOW);

        assertEquals(Duration.ofSeconds(1), pacer.reserve("C1", NOW));
        assertEquals(Duration.ZERO, pacer.reserve("C2", NOW));
        assertEquals(Duration.ZERO, pacer.reserve("C1", NOW.plusSeconds(10)));
    }

    @Test
    void aDeliveryPutBackToWaitKeepsItsSlotAndWaitingDeliveriesGoInTheOrderTheyAsked() {
        ChannelPacer pacer = new ChannelPacer(1, Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, pacer.turn("C1", 1, NOW), "the first goes at once");
        assertEquals(Duration.ofSeconds(1), pacer.turn("C1", 2, NOW));
        assertEquals(Duration.ofSeconds(2), pacer.turn("C1", 3, NOW));

        assertEquals(
                Duration.ofMillis(500), pacer.turn("C1", 2, NOW.plusMillis(500)), "asking again books nothing new");
        assertEquals(Duration.ofSeconds(1), pacer.turn("C1", 3, NOW.plusSeconds(1)), "the third still waits its turn");
        assertEquals(Duration.ZERO, pacer.turn("C1", 2, NOW.plusSeconds(1)), "the second's slot has come");
        assertEquals(Duration.ZERO, pacer.turn("C1", 3, NOW.plusSeconds(2)));
        assertEquals(Duration.ofSeconds(1), pacer.turn("C1", 4, NOW.plusSeconds(2)), "a newcomer queues behind them");
    }
}
