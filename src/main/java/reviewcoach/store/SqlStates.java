package reviewcoach.store;

import java.sql.SQLException;

/** What a failure's SQLSTATE says, the same on H2 and PostgreSQL. */
final class SqlStates {

    /** A unique key (or primary key) already taken. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {}

    /** Whether the failure, or the database failure it wraps, is an insert of a key that is already there. */
    static boolean isDuplicateKey(Throwable failure) {
        Throwable database = failure instanceof SQLException ? failure : failure.getCause();
        return database instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }
}
