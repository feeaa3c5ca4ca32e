package reviewcoach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The coaching core and the summary stay free of Slack, JDBC, servlet and logging types, so they can be reused. */
class PurityTest {

    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void pureCoreImportsOnlyJavaAndItself() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String pkg : List.of("dialogue", "summary")) {
            Path root = Path.of("src/main/java/reviewcoach", pkg);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher imports = IMPORT.matcher(Files.readString(file));
                    while (imports.find()) {
                        String imported = imports.group(2);
                        boolean allowed = imported.startsWith("java.")
                                || imported.startsWith("reviewcoach.dialogue")
                                || imported.startsWith("reviewcoach.summary");
                        boolean forbiddenJava =
                                imported.startsWith("java.sql") || imported.startsWith("java.util.logging");
                        if (!allowed || forbiddenJava) {
                            offending.add(file + ": " + imported);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void onlyTheSlackPackageAndTheCompositionRootImportSlack() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/reviewcoach"))) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                String name = file.toString();
                boolean mayImportSlack =
                        name.contains("/slack/") || name.endsWith("ReviewCoach.java") || name.contains("/http/");
                if (!mayImportSlack && source.contains("import com.slack.")) {
                    offending.add(name);
                }
            }
        }
        assertFalse(offending.size() > 0, "Slack types outside slack/: " + offending);
    }
}
