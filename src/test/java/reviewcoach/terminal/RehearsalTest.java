package reviewcoach.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.store.Database;
import reviewcoach.store.JdbcSessionStore;

/** The same dialogue in a terminal, driven through standard input and kept in the database. */
class RehearsalTest {

    @TempDir
    Path folder;

    @Test
    void practisesTheWholeModelInTheTerminalAndKeepsTheSession() throws Exception {
        String input = String.join(
                "\n",
                "The receptionist was rude to me and never called back.",
                "",
                "The receptionist was rude",
                "A review posted on Google says \"the receptionist was rude\"",
                "next",
                "This will kill our reputation",
                "They think we don't care",
                "next",
                "pick 2",
                "defeated",
                "next",
                "We avoid the phone",
                "next",
                "More missed calls",
                "next",
                "next",
                "next",
                "next",
                "We are the best practice in town",
                "next",
                "2",
                "It's possible we can call people back sooner",
                "next",
                "7",
                "Dana calls the reviewer to ask if she'd be open to talking",
                "done",
                "");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (HikariDataSource dataSource =
                Database.open("jdbc:h2:file:" + folder.resolve("db").toAbsolutePath(), null, null)) {
            new Rehearsal(dataSource, Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(new BufferedReader(new StringReader(input)));

            String output = printed.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains("Step 1 of 10 · Circumstance"), output);
            assertTrue(output.contains("coach: “rude”"), "questions the judgment: " + output);
            assertTrue(output.contains("✓ noted"), output);
            assertTrue(output.contains("1. This will kill our reputation"), output);
            assertTrue(output.contains("The thought that stings most: “They think we don't care”"), output);
            assertTrue(output.contains("2 out of 10"), "stepping stones after a low rating: " + output);
            assertTrue(output.contains("Step 10 of 10 · Response plan"), output);
            assertTrue(output.contains("How believable the new thought is today: 7/10"), output);
            assertTrue(output.contains("saved as session 1"), output);

            JdbcSessionStore store = new JdbcSessionStore(dataSource);
            Session kept = store.find(1).orElseThrow();
            assertTrue(kept.isFinished());
            assertEquals(7, kept.believability());
            List<Contribution> lines = store.contributions(1);
            assertEquals(Step.RESPONSE_PLAN, lines.get(lines.size() - 1).step());
            assertEquals(10, lines.size(), "every line kept, moves and ratings are not lines: " + lines);
        }
    }
}
