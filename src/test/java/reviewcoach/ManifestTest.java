package reviewcoach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reviewcoach.slack.oauth.OAuthInstall;

/** manifest.yml is a valid Slack app manifest that asks for what the app uses, sending everything to one URL. */
class ManifestTest {

    /** Slack's published schema for manifest version 1; its {@code $schema} is draft-07. */
    private static final Path SCHEMA = Path.of("../shared/slack-manifest-schema/manifest.schema.1.0.0.json");

    private static final String EVENTS_PATH = "/slack/events";

    private static JsonNode manifest;
    private static JsonNode socketModeManifest;
    private static JsonNode schemaTree;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        manifest = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("manifest.yml").toFile());
        socketModeManifest = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("manifest.socket-mode.yml").toFile());
        schemaTree = json.readTree(SCHEMA.toFile());
        assertEquals(
                "http://json-schema.org/draft-07/schema#",
                schemaTree.path("$schema").asText(),
                "Slack's schema moved to another draft: pick the matching SpecVersion");
        schema = offlineDraft7Factory().getSchema(schemaTree);
    }

    /**
     * Draft 7 with every schema load refused, so a remote {@code $ref} fails loudly instead of reaching for the
     * network; Slack's schema only refers to its own {@code #/definitions}. Slack's annotations {@code _note} and
     * {@code regex} (not a draft-07 keyword: it does not check anything) are declared so they are not logged as
     * unknown.
     */
    private static JsonSchemaFactory offlineDraft7Factory() {
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .keyword(new NonValidationKeyword("_note"))
                .keyword(new NonValidationKeyword("regex"))
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(draft7)
                .schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance())));
    }

    @Test
    void validatesAgainstSlacksPublishedSchema() {
        Set<ValidationMessage> problems = schema.validate(manifest);

        assertTrue(problems.isEmpty(), "manifest.yml breaks Slack's manifest schema:\n" + describe(problems));
    }

    @Test
    void theSocketModeManifestIsTheSameAppWithoutRequestUrls() {
        Set<ValidationMessage> problems = schema.validate(socketModeManifest);
        assertTrue(
                problems.isEmpty(), "manifest.socket-mode.yml breaks Slack's manifest schema:\n" + describe(problems));

        assertTrue(socketModeManifest.at("/settings/socket_mode_enabled").asBoolean(false), "Socket Mode is on");
        assertTrue(socketModeManifest.findValues("url").isEmpty(), "no request URLs in Socket Mode");
        assertTrue(socketModeManifest.findValues("request_url").isEmpty(), "no request URLs in Socket Mode");
        ObjectNode withoutUrls = manifest.deepCopy();
        ((ObjectNode) withoutUrls.at("/features/slash_commands/0")).remove("url");
        ((ObjectNode) withoutUrls.at("/settings/event_subscriptions")).remove("request_url");
        ((ObjectNode) withoutUrls.at("/settings/interactivity")).remove("request_url");
        ((ObjectNode) withoutUrls.get("oauth_config")).remove("redirect_urls");
        ((ObjectNode) withoutUrls.get("settings")).put("socket_mode_enabled", true);
        assertEquals(withoutUrls, socketModeManifest, "the same commands, events, scopes and texts as manifest.yml");
    }

    @Test
    void theSchemaCatchesAMissingAppName() {
        Set<ValidationMessage> problems =
                schema.validate(broken(tree -> ((ObjectNode) tree.get("display_information")).remove("name")));

        assertTrue(
                problems.stream()
                        .anyMatch(problem -> problem.getType().equals("required")
                                && "name".equals(problem.getProperty())
                                && problem.getInstanceLocation().toString().equals("$.display_information")),
                "expected a missing display_information.name, got:\n" + describe(problems));
    }

    @Test
    void theSchemaLooksInsideNestedDefinitions() {
        Set<ValidationMessage> problems = schema.validate(
                broken(tree -> ((ObjectNode) tree.at("/features/slash_commands/0")).put("command", "review")));

        assertTrue(
                problems.stream()
                        .anyMatch(problem -> problem.getType().equals("pattern")
                                && problem.getInstanceLocation()
                                        .toString()
                                        .equals("$.features.slash_commands[0].command")),
                "expected a command without its slash to be refused, got:\n" + describe(problems));
    }

    @Test
    void theBackgroundColourIsOneSlackAccepts() {
        // Slack's schema spells this check "regex", which draft-07 validators ignore, so it is made here.
        String colourPattern = schemaTree
                .at("/definitions/app-manifests.v1.display_information.schema/properties/background_color/regex")
                .asText();
        String colour = manifest.at("/display_information/background_color").asText();

        assertFalse(colourPattern.isEmpty(), "Slack's schema no longer states the colour pattern");
        assertTrue(colour.matches(colourPattern), colour + " does not match " + colourPattern);
    }

    @Test
    void sendsEverythingToTheOneEventsUrl() {
        List<String> urls = new ArrayList<>();
        manifest.findValues("url").forEach(url -> urls.add(url.asText()));
        manifest.findValues("request_url").forEach(url -> urls.add(url.asText()));

        assertEquals(3, urls.size(), "the slash command, events and interactivity URLs: " + urls);
        for (String url : urls) {
            assertTrue(url.startsWith("https://") && url.endsWith(EVENTS_PATH), url);
        }
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean(), "buttons and the form need it");
        assertFalse(manifest.at("/settings/socket_mode_enabled").asBoolean(true), "the app answers over HTTP");
    }

    @Test
    void registersTheReviewCommandWithTextAsTyped() {
        List<String> commands = new ArrayList<>();
        manifest.at("/features/slash_commands")
                .forEach(command -> commands.add(command.path("command").asText()));
        JsonNode review = manifest.at("/features/slash_commands/0");

        assertEquals(List.of("/review"), commands);
        assertFalse(review.path("should_escape").asBoolean(true), "the review text arrives unescaped");
    }

    @Test
    void asksForTheEventsAndScopesTheAppUses() {
        assertTrue(
                texts(manifest.at("/settings/event_subscriptions/bot_events"))
                        .containsAll(List.of("message.channels", "message.groups", "message.im")),
                "thread replies in public and private channels, and in a private session's direct message");
        List<String> scopes = texts(manifest.at("/oauth_config/scopes/bot"));
        assertEquals(
                new java.util.TreeSet<>(OAuthInstall.BOT_SCOPES),
                new java.util.TreeSet<>(scopes),
                "the OAuth install asks for exactly the scopes the manifest lists");
        assertTrue(
                texts(manifest.at("/settings/event_subscriptions/bot_events"))
                        .containsAll(List.of("app_uninstalled", "tokens_revoked")),
                "an uninstall or a revoked token forgets the workspace's token");
        assertEquals(
                List.of("https://YOUR-HOST/slack/oauth_redirect"),
                texts(manifest.at("/oauth_config/redirect_urls")),
                "where Slack sends an installing admin back");
    }

    @Test
    void enablesTheHomeTabAndNamesEverySubcommandInTheHint() {
        assertTrue(manifest.at("/features/app_home/home_tab_enabled").asBoolean(false), "the App Home is shown");
        assertTrue(
                texts(manifest.at("/settings/event_subscriptions/bot_events")).contains("app_home_opened"),
                "the home is published when it is opened");
        String hint = manifest.at("/features/slash_commands/0/usage_hint").asText();
        for (String subcommand : List.of("private", "list", "digest", "help", "delete")) {
            assertTrue(hint.contains(subcommand), hint);
        }
    }

    private static JsonNode broken(Consumer<ObjectNode> breakage) {
        ObjectNode copy = manifest.deepCopy();
        breakage.accept(copy);
        return copy;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static String describe(Set<ValidationMessage> problems) {
        return problems.stream()
                .map(problem -> "  " + problem.getType() + ": " + problem.getMessage())
                .sorted()
                .collect(Collectors.joining("\n"));
    }
}
