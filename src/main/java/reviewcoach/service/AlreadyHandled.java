package reviewcoach.service;

/** Thrown inside a transaction when the event it handles was handled before; the transaction is rolled back. */
public final class AlreadyHandled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlreadyHandled(String eventId) {
        super("event already handled: " + eventId, null, false, false);
    }
}
