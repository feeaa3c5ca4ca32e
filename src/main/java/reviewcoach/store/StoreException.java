package reviewcoach.store;

/** The database failed; the message says what the store was doing, never what people wrote. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String doing, Throwable cause) {
        super("database failure while " + doing, cause);
    }
}
