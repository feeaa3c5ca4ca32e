package reviewcoach;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.Settings;
import reviewcoach.config.SettingsException;

/** Starts Review Coach from the environment and {@code .env}, and stops it cleanly on SIGTERM. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.load();
        } catch (SettingsException missing) {
            System.err.println("review-coach: " + missing.getMessage());
            System.err.println("review-coach: see .env.example for every setting, and README.md for where to get them");
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        try {
            ReviewCoach service = ReviewCoach.start(settings, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service, log), "shutdown"));
        } catch (SettingsException refused) {
            System.err.println("review-coach: " + refused.getMessage());
            System.exit(2);
        } catch (Exception failure) {
            log.error("could not start: {}", failure.toString());
            System.exit(1);
        }
    }

    private static void stop(ReviewCoach service, Logger log) {
        try {
            service.close();
        } catch (Exception failure) {
            log.error("could not stop cleanly: {}", failure.toString());
        }
    }
}
