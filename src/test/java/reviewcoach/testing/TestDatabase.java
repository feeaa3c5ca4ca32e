package reviewcoach.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reviewcoach.store.Database;

/**
 * A fresh, empty database for one test: an H2 file in the test's folder by default, or, with {@code
 * TEST_DATABASE=postgres}, a new database on the PostgreSQL server that {@code TEST_POSTGRES_URL} (with {@code
 * TEST_POSTGRES_USER} and {@code TEST_POSTGRES_PASSWORD}) names, dropped again by {@link #close()}. The role needs
 * {@code CREATEDB}. Not thread-safe.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String url;
    private final String user;
    private final String password;
    private final PostgresServer server;
    private final String name;
    /** True when the test runs in a schema of the server's database because the role may not create databases. */
    private final boolean inSchema;
    /** For H2: a connection holding the database in exclusive mode, so that the service's connections fail. */
    private Connection exclusive;

    private TestDatabase(String url, String user, String password, PostgresServer server, String name) {
        this(url, user, password, server, name, false);
    }

    private TestDatabase(
            String url, String user, String password, PostgresServer server, String name, boolean inSchema) {
        this.inSchema = inSchema;
        this.url = url;
        this.user = user;
        this.password = password;
        this.server = server;
        this.name = name;
    }

    /** True when {@code TEST_DATABASE=postgres}: tests run on PostgreSQL instead of H2. */
    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getenv("TEST_DATABASE"));
    }

    /** Creates an empty database: H2 in {@code folder}, or a new PostgreSQL database when {@link #isPostgres()}. */
    public static TestDatabase create(Path folder) {
        if (!isPostgres()) {
            String h2 = "jdbc:h2:file:" + folder.resolve("review-coach").toAbsolutePath();
            return new TestDatabase(h2, null, null, null, null);
        }
        PostgresServer server = PostgresServer.fromEnvironment();
        String name = "review_coach_test_" + UUID.randomUUID().toString().replace("-", "");
        try {
            server.execute("CREATE DATABASE " + name);
        } catch (IllegalStateException refused) {
            if (!(refused.getCause() instanceof SQLException denied) || !"42501".equals(denied.getSQLState())) {
                throw refused;
            }
            // A role without CREATEDB gets a fresh schema in its own database instead.
            server.execute("CREATE SCHEMA " + name);
            return new TestDatabase(server.urlInSchema(name), server.user(), server.password(), server, name, true);
        }
        return new TestDatabase(server.urlOf(name), server.user(), server.password(), server, name);
    }

    public String url() {
        return url;
    }

    /** The user, or null when the URL carries it (or H2 needs none). */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens a pool on the database, migrated, as the service does. */
    public HikariDataSource open() {
        return Database.open(url, user, password);
    }

    /** The settings that point a service process at this database; none for H2, which uses its default file. */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        if (server != null) {
            environment.put("DATABASE_URL", url);
            if (user != null) {
                environment.put("DATABASE_USER", user);
            }
            if (password != null) {
                environment.put("DATABASE_PASSWORD", password);
            }
        }
        return environment;
    }

    /** Makes the database refuse every connection, open ones included, as a database that went away would. */
    public void makeUnreachable() throws SQLException {
        if (server == null) {
            exclusive = DriverManager.getConnection(url + ";DB_CLOSE_ON_EXIT=FALSE");
            try (Statement statement = exclusive.createStatement()) {
                statement.execute("SET EXCLUSIVE 2");
            }
            return;
        }
        server.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", name);
    }

    /** Drops a PostgreSQL database; an H2 file goes with the test's folder. */
    @Override
    public void close() {
        if (exclusive != null) {
            try {
                exclusive.close();
            } catch (SQLException ignored) {
                // the database goes with the test's folder
            }
        }
        if (server != null && inSchema) {
            server.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } else if (server != null) {
            dropDatabase();
        }
    }

    /**
     * Drops the test's database. PostgreSQL's autovacuum may still be working in it, and a role that is not a superuser
     * may not end that worker, so the drop is tried again for a few seconds; a database still there after that is left
     * behind with a warning rather than failing a test that passed.
     */
    private void dropDatabase() {
        IllegalStateException refused = null;
        for (int attempt = 0; attempt < 25; attempt++) {
            try {
                server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (IllegalStateException busy) {
                refused = busy;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        System.err.println("TestDatabase: left " + name + " behind: " + refused.getCause());
    }

    /**
     * The PostgreSQL server tests create databases on, reached through a database the role may connect to.
     *
     * @param url that database's JDBC URL
     */
    private record PostgresServer(String url, String user, String password) {

        static PostgresServer fromEnvironment() {
            String url = System.getenv("TEST_POSTGRES_URL");
            if (url == null || !POSTGRES_URL.matcher(url).matches()) {
                throw new IllegalStateException("TEST_DATABASE=postgres needs TEST_POSTGRES_URL, a database the test"
                        + " role can connect to, such as jdbc:postgresql://127.0.0.1:5432/reviewcoach_test (and"
                        + " TEST_POSTGRES_USER, TEST_POSTGRES_PASSWORD); the role needs CREATEDB. Got: " + url);
            }
            return new PostgresServer(
                    url, System.getenv("TEST_POSTGRES_USER"), System.getenv("TEST_POSTGRES_PASSWORD"));
        }

        /** The same URL, with a schema of the same database as the connections' own. */
        String urlInSchema(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        /** The same URL, naming another database on the server. */
        String urlOf(String database) {
            Matcher parts = POSTGRES_URL.matcher(url);
            parts.matches();
            return parts.group(1) + database + (parts.group(3) == null ? "" : parts.group(3));
        }

        void execute(String sql, String... parameters) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                statement.execute();
            } catch (SQLException failure) {
                throw new IllegalStateException("PostgreSQL refused: " + sql, failure);
            }
        }
    }
}
