package reviewcoach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    @Test
    void logbackFindsTheConfigurationInCode() {
        assertTrue(ServiceLoader.load(Configurator.class).stream()
                .anyMatch(provider -> provider.type() == ConsoleLogging.class));
    }

    @Test
    void linesGoToStandardOutputWithTimeLevelThreadAndLogger() {
        LoggerContext context = new LoggerContext();

        ConsoleLogging.applyTo(context, Level.INFO);

        ConsoleAppender<?> console = (ConsoleAppender<?>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        assertTrue(console.isStarted());
        assertEquals("System.out", console.getTarget());
        assertEquals(
                "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n",
                ((PatternLayoutEncoder) console.getEncoder()).getPattern());
    }

    @Test
    void librariesThatWouldLogRequestBodiesAreHeldBackWhateverTheRootLevel() {
        LoggerContext context = new LoggerContext();

        ConsoleLogging.applyTo(context, Level.DEBUG);

        assertEquals(Level.DEBUG, context.getLogger("reviewcoach.ReviewCoach").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.slack.api.methods.impl").getEffectiveLevel());
        assertEquals(
                Level.ERROR,
                context.getLogger("com.slack.api.bolt.util.SlackRequestParser").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari.pool").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb.core").getEffectiveLevel());
    }

    @Test
    void theRootLevelIsTheOneMainReadFromLogLevel() {
        String before = System.getProperty("LOG_LEVEL");
        try {
            System.setProperty("LOG_LEVEL", "WARN");
            assertEquals(Level.WARN, ConsoleLogging.rootLevel());
            System.setProperty("LOG_LEVEL", "DEBUG");
            assertEquals(Level.DEBUG, ConsoleLogging.rootLevel());
        } finally {
            if (before == null) {
                System.clearProperty("LOG_LEVEL");
            } else {
                System.setProperty("LOG_LEVEL", before);
            }
        }
    }

    @Test
    void aLogbackFileOnTheClassPathStillTakesPrecedence() {
        // The tests' class path holds logback-test.xml.
        assertEquals(
                Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleLogging().configure(new LoggerContext()));
    }
}
