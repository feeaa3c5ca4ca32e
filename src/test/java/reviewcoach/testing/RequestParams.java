package reviewcoach.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a Web API request's query string and body (form-encoded or JSON) into a flat map of named parameters. */
final class RequestParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestParams() {}

    /**
     * Parses the query string and the body; body parameters win over query parameters of the same name. JSON bodies
     * contribute their top-level fields: text and numbers as their value, nested objects and arrays as JSON text.
     */
    static Map<String, String> parse(String query, String contentType, String body) {
        Map<String, String> params = new LinkedHashMap<>(parseForm(query));
        if (looksLikeJson(contentType, body)) {
            params.putAll(parseJsonObject(body));
        } else {
            params.putAll(parseForm(body));
        }
        return Collections.unmodifiableMap(params);
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(decode(name), decode(value));
        }
        return params;
    }

    private static Map<String, String> parseJsonObject(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                root.properties().forEach(field -> params.put(field.getKey(), textOf(field.getValue())));
            }
        } catch (JsonProcessingException notJson) {
            // A hostile or broken body is still recorded raw; it just has no parameters.
        }
        return params;
    }

    private static String textOf(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static boolean looksLikeJson(String contentType, String body) {
        boolean declaredJson = contentType != null && contentType.toLowerCase().contains("json");
        return declaredJson || (body != null && body.stripLeading().startsWith("{"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
