package reviewcoach.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares JSON the bot sent with the expected JSON under {@code src/test/resources/golden/}, as trees, so that key
 * order and spacing do not matter. Run with {@code -Dgolden.update=true} to write the files afresh after a deliberate
 * change, then read the diff before committing it.
 */
public final class Golden {

    private static final Path FOLDER = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Golden() {}

    public static void assertMatches(String name, JsonNode actual) {
        Path file = FOLDER.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(FOLDER);
                Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no golden file " + file + ": run the test with -Dgolden.update=true and"
                        + " check what it wrote\n" + JSON.writeValueAsString(actual));
            }
            JsonNode expected = JSON.readTree(Files.readString(file));
            assertEquals(
                    JSON.writeValueAsString(expected),
                    JSON.writeValueAsString(actual),
                    "differs from " + file + " (run with -Dgolden.update=true after a deliberate change)");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
