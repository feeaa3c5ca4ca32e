package reviewcoach.testing;

import java.util.ArrayList;
import java.util.List;
import reviewcoach.service.ClaimedDelivery;
import reviewcoach.service.Handover;

/** A courier's hand that keeps what it is handed, with room for {@code room} deliveries reserved and not yet taken. */
public final class RecordingHandover implements Handover {

    private final int room;
    private int reserved;
    private final List<ClaimedDelivery> taken = new ArrayList<>();

    public RecordingHandover(int room) {
        this.room = room;
    }

    @Override
    public synchronized boolean reserve() {
        if (reserved + taken.size() >= room) {
            return false;
        }
        reserved++;
        return true;
    }

    @Override
    public synchronized void release(int count) {
        if (count > reserved) {
            throw new IllegalStateException("released " + count + " of " + reserved + " reserved");
        }
        reserved -= count;
    }

    @Override
    public synchronized void take(List<ClaimedDelivery> deliveries) {
        release(deliveries.size());
        taken.addAll(deliveries);
    }

    /** What was handed over so far, oldest first. */
    public synchronized List<ClaimedDelivery> taken() {
        return List.copyOf(taken);
    }

    /** Room reserved and neither handed over nor released. */
    public synchronized int reserved() {
        return reserved;
    }
}
