package reviewcoach.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reviewcoach.dialogue.Review;

/** The form for pasting a review when {@code /review} comes without text, and reading what was submitted. */
final class ReviewModal {

    static final String CALLBACK_ID = "review_modal";
    static final String TEXT_BLOCK = "review_text";
    static final String SOURCE_BLOCK = "review_source";
    static final String RATING_BLOCK = "review_rating";
    static final String VALUE = "value";
    static final int MAX_REVIEW_LENGTH = 3000;
    static final int MAX_SOURCE_LENGTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the session should start, carried through the modal in its private metadata. */
    record Origin(String channel, String responseUrl) {}

    private ReviewModal() {}

    static View form(Origin origin) {
        List<OptionObject> ratings = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            ratings.add(option(plainText(stars + (stars == 1 ? " star" : " stars")), String.valueOf(stars)));
        }
        return view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(metadata(origin))
                .title(viewTitle(t -> t.type("plain_text").text("Work through a review")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Start")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TEXT_BLOCK)
                                .label(plainText("The review, as posted"))
                                .hint(plainText("Leave out the reviewer's name and any client details."))
                                .element(plainTextInput(
                                        p -> p.actionId(VALUE).multiline(true).maxLength(MAX_REVIEW_LENGTH)))),
                        input(i -> i.blockId(SOURCE_BLOCK)
                                .optional(true)
                                .label(plainText("Where was it posted?"))
                                .element(plainTextInput(p -> p.actionId(VALUE)
                                        .maxLength(MAX_SOURCE_LENGTH)
                                        .placeholder(plainText("Google, Yelp, Healthgrades…"))))),
                        input(i -> i.blockId(RATING_BLOCK)
                                .optional(true)
                                .label(plainText("Star rating"))
                                .element(staticSelect(s -> s.actionId(VALUE).options(ratings)))))));
    }

    /**
     * Reads the review from a submitted form, or empty when its text is missing or longer than the form allows (Slack
     * enforces the form's limits, so only a forged submission exceeds them).
     */
    static Optional<Review> review(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null ? null : state.getValues();
        if (values == null) {
            return Optional.empty();
        }
        String text = textOf(values, TEXT_BLOCK);
        if (text == null || text.isBlank() || text.length() > MAX_REVIEW_LENGTH) {
            return Optional.empty();
        }
        String source = textOf(values, SOURCE_BLOCK);
        boolean sourceFits = source != null && source.length() <= MAX_SOURCE_LENGTH;
        return Optional.of(new Review(text.strip(), sourceFits ? source : null, rating(values)));
    }

    static Optional<Origin> origin(String privateMetadata) {
        try {
            JsonNode node = JSON.readTree(privateMetadata == null ? "" : privateMetadata);
            if (node == null || !SlackFields.isId(node.path("channel").textValue())) {
                return Optional.empty();
            }
            return Optional.of(new Origin(
                    node.get("channel").textValue(),
                    SlackFields.responseUrlOrNull(node.path("response_url").textValue())));
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
    }

    private static String metadata(Origin origin) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("channel", origin.channel());
            if (origin.responseUrl() != null) {
                fields.put("response_url", origin.responseUrl());
            }
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of strings always turns into JSON", impossible);
        }
    }

    private static String textOf(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> actions = values.get(block);
        ViewState.Value value = actions == null ? null : actions.get(VALUE);
        return value == null ? null : value.getValue();
    }

    private static Integer rating(Map<String, Map<String, ViewState.Value>> values) {
        Map<String, ViewState.Value> actions = values.get(RATING_BLOCK);
        ViewState.Value value = actions == null ? null : actions.get(VALUE);
        if (value == null || value.getSelectedOption() == null) {
            return null;
        }
        try {
            int stars = Integer.parseInt(value.getSelectedOption().getValue());
            return stars >= 1 && stars <= 5 ? stars : null;
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
