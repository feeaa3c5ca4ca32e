package reviewcoach;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.config.Settings;
import reviewcoach.config.SettingsException;
import reviewcoach.store.Database;
import reviewcoach.terminal.Rehearsal;

/** Starts Review Coach from the environment and {@code .env}, and stops it cleanly on SIGTERM. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        try {
            System.setProperty("LOG_LEVEL", Settings.logLevelFrom(System.getenv(), Path.of(".")));
        } catch (SettingsException malformed) {
            System.err.println("review-coach: " + malformed.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals("rehearse")) {
            rehearse();
            return;
        }
        if (args.length > 0 && args[0].equals("trial-start")) {
            trialStart();
            return;
        }
        if (args.length > 0) {
            System.err.println("review-coach: unknown argument '" + args[0] + "'. Run without arguments to start the"
                    + " Slack app, with 'rehearse' to practise in this terminal, or with 'trial-start' to start and"
                    + " stop once on a scratch database without Slack.");
            System.exit(2);
        }
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

    /**
     * Starts and stops once on a scratch database against a stand-in Slack (see {@link TrialStart}); the build runs it
     * with {@code -XX:ArchiveClassesAtExit} to make the class-data archive that speeds up every later start.
     */
    private static void trialStart() {
        try {
            TrialStart.run();
        } catch (Exception failure) {
            System.err.println("review-coach: the trial start failed: " + failure);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs the dialogue in this terminal, on the configured database, without Slack. */
    private static void rehearse() {
        Settings.DatabaseSettings database;
        try {
            database = Settings.databaseFrom(System.getenv(), Path.of("."));
        } catch (SettingsException malformed) {
            System.err.println("review-coach: " + malformed.getMessage());
            System.exit(2);
            return;
        }
        try (HikariDataSource dataSource = Database.open(database.url(), database.user(), database.password())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            new Rehearsal(dataSource, Clock.systemUTC(), out).run(in);
        } catch (IOException | RuntimeException failure) {
            System.err.println("review-coach: the rehearsal stopped: " + failure);
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
