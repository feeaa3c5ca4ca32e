package reviewcoach.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import reviewcoach.dialogue.Care;
import reviewcoach.dialogue.Contribution;
import reviewcoach.dialogue.Guide;
import reviewcoach.dialogue.LegalFlag;
import reviewcoach.dialogue.ResponseGuide;
import reviewcoach.dialogue.Review;
import reviewcoach.dialogue.Session;
import reviewcoach.dialogue.Step;
import reviewcoach.dialogue.coaching.Concern;

/** Renders what the bot posts in a session's thread: the opening message, step prompts, questions, the closing note. */
public final class SessionMessages {

    public static final String NEXT = "step_next";
    public static final String BACK = "step_back";
    public static final String FINISH = "step_finish";
    public static final String PICK = "pick_thought";
    public static final String RATE = "rate_thought";
    public static final String REVIEWER = "plan_reviewer";
    private static final String REVIEWER_QUESTION =
            "First: can you tell who wrote it, and are they a current client or customer?";

    private static final int MAX_REVIEW_SECTIONS = 12;
    private static final int MODEL_LINE_LIMIT = 280;
    /** Slack allows 25 elements in an actions block. */
    private static final int MAX_BUTTONS = 25;

    private SessionMessages() {}

    /** The opening message: the review, a few warm words, and where the team is. */
    public static SlackMessage root(Session session, List<Contribution> contributions) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("A review to work through"))));
        blocks.addAll(reviewSections(session.review()));
        blocks.add(context(c -> c.elements(List.of(markdownText(reviewFacts(session))))));
        List<String> legal = LegalFlag.wordsIn(session.review().text());
        if (!legal.isEmpty()) {
            String advice = ":warning: " + SlackText.escape(LegalFlag.advice(legal));
            blocks.add(section(s -> s.text(markdownText(advice))));
        }
        blocks.add(section(s -> s.text(markdownText(Guide.opening()))));
        blocks.add(context(c -> c.elements(List.of(markdownText(":lock: " + Guide.privacyReminder())))));
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(progress(session, contributions)))));
        String text = "A review to work through: "
                + SlackText.shorten(SlackText.escape(session.review().text()), 150);
        return new SlackMessage(text, blocks);
    }

    /** The prompt for a step, with the buttons that move the session. */
    public static SlackMessage prompt(Session session, Step step, Optional<Contribution> focus) {
        Guide.StepGuide guide = Guide.forStep(step);
        String title = "*Step " + step.number() + " of " + Step.count() + " · " + step.title() + "*  ·  _"
                + step.part().title() + "_";
        String about = focus.map(line -> "\n" + Guide.thoughtInFocus() + ": “"
                        + SlackText.shorten(SlackText.escape(line.text()), MODEL_LINE_LIMIT) + "”")
                .orElse("");
        String body = title + about + "\n" + guide.explanation() + "\n_Example: " + guide.example() + "_";
        String value = session.id() + ":" + step.name();
        List<LayoutBlock> blocks = new ArrayList<>(List.of(
                section(s -> s.text(markdownText(body))),
                context(c -> c.elements(List.of(markdownText(Guide.howToMove())))),
                actions(a -> a.blockId("moves_" + step.name())
                        .elements(List.of(
                                button(b ->
                                        b.actionId(BACK).text(plainText("Back")).value(value)),
                                button(b -> b.actionId(NEXT)
                                        .text(plainText(step.next().isPresent() ? "Next" : "Finish"))
                                        .style("primary")
                                        .value(value)),
                                button(b -> b.actionId(FINISH)
                                        .text(plainText("Finish now"))
                                        .value(value)))))));
        if (step == Step.RESPONSE_PLAN) {
            blocks.add(section(s -> s.text(markdownText(REVIEWER_QUESTION))));
            blocks.add(reviewerButtons(session));
        }
        return new SlackMessage("Step " + step.number() + ": " + step.title() + ". " + guide.explanation(), blocks);
    }

    /** The response paths that fit who the reviewer is, one section each. */
    public static SlackMessage planPaths(List<String> paths) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String path : paths) {
            String text = SlackText.shorten(path, SlackText.SECTION_LIMIT);
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        return new SlackMessage("Ways to respond, and drafts to start from.", blocks);
    }

    private static LayoutBlock reviewerButtons(Session session) {
        List<BlockElement> buttons = new ArrayList<>();
        for (ResponseGuide.Reviewer reviewer : ResponseGuide.Reviewer.values()) {
            String label =
                    switch (reviewer) {
                        case KNOWN_CURRENT -> "We know who: a current client";
                        case KNOWN_FORMER -> "We know who: not a current client";
                        case UNKNOWN -> "Anonymous, or not sure";
                    };
            buttons.add(button(
                    b -> b.actionId(REVIEWER).text(plainText(label)).value(session.id() + ":" + reviewer.name())));
        }
        return actions(a -> a.blockId("reviewer").elements(buttons));
    }

    /** The thoughts, numbered, with a button each to pick the one that stings most. */
    public static SlackMessage picker(Session session, List<Contribution> thoughts) {
        StringBuilder list = new StringBuilder(Guide.pickOne());
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < thoughts.size(); i++) {
            int number = i + 1;
            list.append("\n*")
                    .append(number)
                    .append(".* ")
                    .append(SlackText.shorten(SlackText.escape(thoughts.get(i).text()), MODEL_LINE_LIMIT));
            if (buttons.size() < MAX_BUTTONS) {
                buttons.add(button(
                        b -> b.actionId(PICK).text(plainText("Pick " + number)).value(session.id() + ":" + number)));
            }
        }
        String text = SlackText.shorten(list.toString(), SlackText.SECTION_LIMIT);
        return new SlackMessage(
                Guide.pickOne(), List.of(section(s -> s.text(markdownText(text))), actions(a -> a.blockId("pick")
                        .elements(buttons))));
    }

    /** Asks how believable the new thought is, with a button for each number from 1 to 10. */
    public static SlackMessage rating(Session session, Contribution newThought) {
        String text =
                "“" + SlackText.shorten(SlackText.escape(newThought.text()), MODEL_LINE_LIMIT) + "”\n" + Guide.rateIt();
        List<BlockElement> buttons = new ArrayList<>();
        for (int rating = 1; rating <= 10; rating++) {
            String label = String.valueOf(rating);
            buttons.add(button(b -> b.actionId(RATE).text(plainText(label)).value(session.id() + ":" + label)));
        }
        return new SlackMessage(
                Guide.rateIt(), List.of(section(s -> s.text(markdownText(text))), actions(a -> a.blockId("rate")
                        .elements(buttons))));
    }

    /** Smaller steps after a low rating. */
    public static SlackMessage steppingStones(int rating) {
        String text = Guide.steppingStones(rating);
        return new SlackMessage(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    /** The coach's answer to a line that shows real distress: care and real help, not coaching. */
    public static SlackMessage care(Contribution contribution) {
        String text = "<@" + contribution.author() + "> "
                + SlackText.escape(Care.answer(contribution.text())
                        .orElseThrow(() -> new IllegalArgumentException("not a line that needs care")));
        return new SlackMessage(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    /** The coach's reply to a line it questions: the words it questions and why. */
    public static SlackMessage question(Contribution contribution) {
        Concern concern = contribution.concern();
        String reason = SlackText.escape(concern.reason());
        String quoted = concern.quoted().stream()
                .map(word -> "“" + SlackText.escape(word) + "”")
                .collect(Collectors.joining(", "));
        boolean reasonQuotes =
                concern.quoted().stream().allMatch(word -> concern.reason().contains(word));
        String text =
                "<@" + contribution.author() + "> " + (reasonQuotes || quoted.isEmpty() ? "" : quoted + ": ") + reason;
        String shortened = SlackText.shorten(text, SlackText.SECTION_LIMIT);
        return new SlackMessage(shortened, List.of(section(s -> s.text(markdownText(shortened)))));
    }

    /** The note that ends the thread. */
    public static SlackMessage closing(String summaryChannel, boolean privateSession) {
        String text = Guide.closing()
                + (privateSession ? " " + Guide.privateSummary() : " The summary is in <#" + summaryChannel + ">.");
        return new SlackMessage(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    static List<LayoutBlock> reviewSections(Review review) {
        List<String> chunks =
                SlackText.split(SlackText.quote(SlackText.escape(review.text())), SlackText.SECTION_LIMIT);
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < chunks.size() && i < MAX_REVIEW_SECTIONS; i++) {
            String chunk = i == 0 ? chunks.get(i) : "&gt; " + chunks.get(i);
            String fitted = SlackText.shorten(chunk, SlackText.SECTION_LIMIT);
            blocks.add(section(s -> s.text(markdownText(fitted))));
        }
        if (chunks.size() > MAX_REVIEW_SECTIONS) {
            blocks.add(context(c -> c.elements(
                    List.of(markdownText("_The review is long; the rest is kept with the" + " session._")))));
        }
        return blocks;
    }

    static String reviewFacts(Session session) {
        StringBuilder facts = new StringBuilder();
        session.review().sourceIfKnown().ifPresent(source -> facts.append(SlackText.escape(source))
                .append(" · "));
        session.review().ratingIfKnown().ifPresent(stars -> facts.append(stars(stars))
                .append(" · "));
        facts.append("shared by <@").append(session.starter()).append(">");
        return facts.toString();
    }

    static String stars(int rating) {
        return "★".repeat(rating) + "☆".repeat(5 - rating);
    }

    private static String progress(Session session, List<Contribution> contributions) {
        StringBuilder text = new StringBuilder();
        if (session.isFinished()) {
            text.append("*Finished.* Here is what the team worked out:");
        } else {
            text.append("*Now:* step ")
                    .append(session.step().number())
                    .append(" of ")
                    .append(Step.count())
                    .append(", ")
                    .append(session.step().title());
        }
        for (Step step : Step.values()) {
            List<String> lines = contributions.stream()
                    .filter(contribution -> contribution.step() == step)
                    .map(contribution -> SlackText.escape(contribution.text().replace('\n', ' ')))
                    .toList();
            if (!lines.isEmpty()) {
                String joined = SlackText.shorten(String.join(" · ", lines), MODEL_LINE_LIMIT);
                text.append("\n*").append(step.title()).append(":* ").append(joined);
            }
        }
        return SlackText.shorten(text.toString(), SlackText.SECTION_LIMIT);
    }
}
