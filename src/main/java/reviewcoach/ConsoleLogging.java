package reviewcoach;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The service's logging, set up in code (Logback finds it through {@code META-INF/services}): one line per event on
 * standard output, at {@code LOG_LEVEL}, with the libraries that would print request bodies or noise held back. Read as
 * XML, the same settings took Logback about twice as long at every start, before anything else could log.
 * A {@code logback-test.xml} on the class path, or {@code -Dlogback.configurationFile}, still takes precedence.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n";

    /**
     * Context, never content: loggers below INFO in Slack's SDK print request bodies, so they stay at WARN; Bolt's
     * request parser prints whole request bodies at WARN when it meets one it cannot place.
     */
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "com.slack", Level.WARN,
            "com.slack.api.bolt.util.SlackRequestParser", Level.ERROR,
            "org.eclipse.jetty", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN);

    public ConsoleLogging() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        applyTo(context, rootLevel());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context}: the console appender, the libraries' levels and the root level. */
    static void applyTo(LoggerContext context, Level rootLevel) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel);
        root.addAppender(console);
    }

    /** {@code LOG_LEVEL} as {@link Main} set it from the environment and {@code .env}, else INFO. */
    static Level rootLevel() {
        String level = System.getProperty("LOG_LEVEL", System.getenv("LOG_LEVEL"));
        return Level.toLevel(level, Level.INFO);
    }
}
