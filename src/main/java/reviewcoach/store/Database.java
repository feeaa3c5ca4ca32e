package reviewcoach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the connection pool for a JDBC URL and brings the schema up to date with the versioned migrations. */
public final class Database {

    private Database() {}

    /**
     * Opens a pool and migrates.
     *
     * @param url a JDBC URL; for H2 a lock timeout is added so concurrent writers wait rather than fail
     * @param user the user, or null when the URL carries it
     * @param password the password, or null
     */
    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withDefaults(url));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("review-coach");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
        return dataSource;
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    static String withDefaults(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String withTimeout = url.contains("LOCK_TIMEOUT") ? url : url + ";LOCK_TIMEOUT=10000";
        return withTimeout.contains("DB_CLOSE_ON_EXIT") ? withTimeout : withTimeout + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
