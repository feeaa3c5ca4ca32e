package reviewcoach.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database opening on a thread of its own at start: the pool is handed out as soon as it has connected, so that
 * the stores and everything built on them can be made while the migrations run, and {@link #awaitMigrated()} tells
 * when the schema is complete, which must come before anything reads or writes it. Thread-safe.
 */
public final class DatabaseOpening {

    private final CompletableFuture<HikariDataSource> connected = new CompletableFuture<>();
    private final CompletableFuture<HikariDataSource> migrated = new CompletableFuture<>();

    private DatabaseOpening() {}

    /** Connects and migrates on a new daemon thread named {@code start-database}; see {@link Database#open}. */
    public static DatabaseOpening begin(String url, String user, String password) {
        DatabaseOpening opening = new DatabaseOpening();
        Thread thread = new Thread(() -> opening.open(url, user, password), "start-database");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    private void open(String url, String user, String password) {
        HikariDataSource dataSource;
        try {
            dataSource = Database.connect(url, user, password);
        } catch (Throwable failure) {
            connected.completeExceptionally(failure);
            migrated.completeExceptionally(failure);
            return;
        }
        connected.complete(dataSource);
        try {
            Database.migrate(dataSource, url);
            migrated.complete(dataSource);
        } catch (Throwable failure) {
            migrated.completeExceptionally(failure);
        }
    }

    /** The pool once it has connected; the schema may still be migrating. Throws what connecting threw. */
    public HikariDataSource connected() {
        return joined(connected);
    }

    /** Waits until the schema is up to date; throws what migrating threw (the pool is then still open). */
    public void awaitMigrated() {
        joined(migrated);
    }

    /** Waits for the opening to end however it ends, then closes the pool if one was opened. */
    public void abandon() {
        migrated.handle((dataSource, failure) -> null).join();
        HikariDataSource dataSource = connected.handle((pool, failure) -> pool).join();
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private static HikariDataSource joined(CompletableFuture<HikariDataSource> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }
}
