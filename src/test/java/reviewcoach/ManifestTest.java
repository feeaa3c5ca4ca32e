package reviewcoach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** manifest.yml is a valid Slack app manifest that asks for what the app uses, sending everything to one URL. */
class ManifestTest {

    private static final Path SCHEMA = Path.of("../shared/slack-manifest-schema/manifest.schema.1.0.0.json");

    private static JsonNode manifest;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        manifest = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("manifest.yml").toFile());
        try (InputStream schemaText = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaText);
        }
    }

    @Test
    void validatesAgainstSlacksPublishedSchema() {
        Set<ValidationMessage> problems = schema.validate(manifest);
        assertEquals(Set.of(), problems, "manifest.yml breaks Slack's manifest schema");
    }

    @Test
    void theSchemaCatchesABrokenManifest() {
        ObjectNode broken = manifest.deepCopy();
        ((ObjectNode) broken.get("display_information")).remove("name");
        ((ObjectNode) broken.get("display_information")).put("description", "x".repeat(200));

        assertFalse(schema.validate(broken).isEmpty(), "the schema check must be able to fail");
    }

    @Test
    void asksForWhatTheAppUsesAndSendsEverythingToOneUrl() {
        JsonNode command = manifest.at("/features/slash_commands/0");
        assertEquals("/review", command.get("command").asText());

        List<String> urls = new ArrayList<>();
        urls.add(command.get("url").asText());
        urls.add(manifest.at("/settings/event_subscriptions/request_url").asText());
        urls.add(manifest.at("/settings/interactivity/request_url").asText());
        for (String url : urls) {
            assertEquals("https://YOUR-HOST/slack/events", url);
        }
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());

        List<String> events = new ArrayList<>();
        manifest.at("/settings/event_subscriptions/bot_events").forEach(event -> events.add(event.asText()));
        assertTrue(events.containsAll(List.of("message.channels", "message.groups", "message.im")), events.toString());

        List<String> scopes = new ArrayList<>();
        manifest.at("/oauth_config/scopes/bot").forEach(scope -> scopes.add(scope.asText()));
        assertTrue(
                scopes.containsAll(List.of(
                        "commands",
                        "chat:write",
                        "reactions:write",
                        "channels:history",
                        "groups:history",
                        "im:history")),
                scopes.toString());
    }
}
