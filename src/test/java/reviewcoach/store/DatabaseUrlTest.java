package reviewcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@link Database} decides from a JDBC URL alone: which database it is and the settings H2 gets. */
class DatabaseUrlTest {

    @Test
    void onlyAnH2UrlIsH2() {
        assertTrue(Database.isH2("jdbc:h2:file:./data/review-coach"));
        assertTrue(Database.isH2("jdbc:h2:mem:test"));
        assertTrue(Database.isH2("jdbc:h2:tcp://localhost/~/review-coach"));
        assertFalse(Database.isH2("jdbc:postgresql://localhost/reviewcoach"));
        assertFalse(Database.isH2("jdbc:postgresql://h2.example.com/jdbc:h2:"));
    }

    @Test
    void anH2UrlGetsTheServicesSettings() {
        assertEquals(
                "jdbc:h2:file:./data/rc;LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128",
                Database.withDefaults("jdbc:h2:file:./data/rc"));
    }

    @Test
    void aSettingTheH2UrlAlreadyHasIsKeptAsWritten() {
        assertEquals(
                "jdbc:h2:file:./data/rc;write_delay=500;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128",
                Database.withDefaults("jdbc:h2:file:./data/rc;write_delay=500"));
    }

    @Test
    void aPostgresqlUrlIsLeftAsItIs() {
        String url = "jdbc:postgresql://localhost:5432/reviewcoach?user=rc&password=secret";
        assertEquals(url, Database.withDefaults(url));
    }

    /** H2 keeps one identity counter for every connection, PostgreSQL one per connection (see migration V12). */
    @Test
    void onlyH2CachesIdentityValues() {
        assertEquals(1000, Database.identityCache("jdbc:h2:file:./data/rc"));
        assertEquals(1, Database.identityCache("jdbc:postgresql://localhost/reviewcoach"));
    }
}
