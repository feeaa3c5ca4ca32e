package reviewcoach.dialogue.coaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import reviewcoach.dialogue.coaching.FeelingVocabulary.Kind;

/**
 * How the coach reads a line written for a Feeling step: the parts it names ("sad and angry" has two), each sorted
 * into a {@link Kind}, with the words a concern would quote.
 *
 * @param parts what the line names, in order; empty when it names nothing (an emoji, "I feel")
 */
record FeelingLine(List<Part> parts) {

    /**
     * One thing a line names.
     *
     * @param kind what kind of words they are
     * @param words the words a concern quotes
     * @param emotion for a thought that follows an emotion ("angry because she lied"), the emotion; else empty
     */
    record Part(Kind kind, List<Word> words, List<Word> emotion) {}

    /** Slack emoji codes such as :disappointed:, whose names would otherwise read as words. */
    private static final Pattern EMOJI_CODE = Pattern.compile(":[a-z0-9_+'\\-]+:", Pattern.CASE_INSENSITIVE);

    /** Punctuation that separates two feelings: "defeated, defensive", "anxious/scared". */
    private static final Pattern SEPARATOR = Pattern.compile(".*[,/&+;].*", Pattern.DOTALL);

    /** How people label a line after the model's letters: "F: defeated", "Feeling: defeated". */
    private static final Set<String> LABELS = setOf("f feeling feelings");

    private static final Set<String> CONJUNCTIONS = setOf("and or but plus yet nor then");

    /** Words that turn what follows into a thought: "I feel like …", "angry because …", "scared they'll …". */
    private static final Set<String> THOUGHT_STARTS =
            setOf("like that as if because cause cuz bc since when how think believe guess");

    /** Who a thought is about, and the verbs that make a sentence: "they'll", "is", "won't". */
    private static final Set<String> SUBJECTS = setOf(
            "i i'm i'll i've we we're we'll we've they they're they'll she she's she'll he he's he'll it it's it'll"
                    + " you you're people everyone nobody someone this there");

    private static final Set<String> VERBS =
            setOf("is are was were be been will would should could can did do does have has had won't can't didn't"
                    + " don't doesn't shouldn't wouldn't isn't aren't wasn't weren't");

    private static final Set<String> PREPOSITIONS =
            setOf("at about with by for toward towards over of to in around from on after regarding");

    private static final Set<String> NEGATIONS = setOf("not don't dont didn't never no isn't");

    /** A short "about/at/with …" after a feeling is fine; a longer one is usually a thought. */
    private static final int LONGEST_PLAIN_OBJECT = 4;

    static FeelingLine read(String text, FeelingVocabulary vocabulary) {
        String plain = EMOJI_CODE.matcher(text).replaceAll(code -> " "
                .repeat(code.group().length()));
        List<Word> words = Word.in(plain);
        Reader reader = new Reader(plain, vocabulary);
        List<Word> line = withoutLabel(plain, words);
        List<Word> rest = words.subList(reader.leadInsEnd(words), words.size());
        boolean known = vocabulary.kindOf(Word.forms(rest)).isPresent();
        if (!rest.isEmpty() && !known && THOUGHT_STARTS.contains(rest.get(0).form())) {
            return new FeelingLine(List.of(new Part(Kind.THOUGHT, line, List.of())));
        }
        List<Part> parts = new ArrayList<>();
        for (List<Word> piece : reader.pieces(words)) {
            reader.classify(piece).ifPresent(parts::add);
        }
        boolean sentence = parts.stream()
                .anyMatch(part -> part.kind() == Kind.THOUGHT && part.emotion().isEmpty());
        return new FeelingLine(sentence ? List.of(new Part(Kind.THOUGHT, line, List.of())) : parts);
    }

    private static Set<String> setOf(String spaced) {
        return Set.of(spaced.split(" "));
    }

    /** The words after a step label such as "F:" or "Feeling:", which a quote leaves out. */
    private static List<Word> withoutLabel(String text, List<Word> words) {
        if (words.size() > 1 && LABELS.contains(words.get(0).form())) {
            String gap = text.substring(words.get(0).end(), words.get(1).start());
            if (gap.contains(":")) {
                return words.subList(1, words.size());
            }
        }
        return words;
    }

    /** The reading of one line. */
    private record Reader(String text, FeelingVocabulary vocabulary) {

        /** Where the lead-ins ("I feel", "I'm so") end. */
        int leadInsEnd(List<Word> words) {
            int end = 0;
            int lead;
            while ((lead = vocabulary.leadInLength(words.subList(end, words.size()))) > 0) {
                end += lead;
            }
            return end;
        }

        /** Splits at commas, slashes and words such as "and", dropping the conjunctions. */
        List<List<Word>> pieces(List<Word> words) {
            List<List<Word>> pieces = new ArrayList<>();
            List<Word> piece = new ArrayList<>();
            for (Word word : words) {
                boolean separated = !piece.isEmpty()
                        && SEPARATOR
                                .matcher(text.substring(
                                        piece.get(piece.size() - 1).end(), word.start()))
                                .matches();
                if (CONJUNCTIONS.contains(word.form()) || separated) {
                    addIfAny(pieces, piece);
                    piece = new ArrayList<>();
                }
                if (!CONJUNCTIONS.contains(word.form())) {
                    piece.add(word);
                }
            }
            addIfAny(pieces, piece);
            return pieces;
        }

        /** What one piece names, or empty when it is only lead-ins and tails. */
        Optional<Part> classify(List<Word> piece) {
            List<Word> core = core(piece);
            if (core.isEmpty()) {
                return Optional.empty();
            }
            Optional<Kind> known = vocabulary.kindOf(Word.forms(core));
            if (known.isPresent()) {
                return Optional.of(new Part(known.get(), core, List.of()));
            }
            String first = core.get(0).form();
            if (THOUGHT_STARTS.contains(first)) {
                return Optional.of(new Part(Kind.THOUGHT, piece, List.of()));
            }
            if (NEGATIONS.contains(first)) {
                return Optional.of(new Part(Kind.NEGATED, core, List.of()));
            }
            Optional<Part> headed = withHead(core);
            if (headed.isPresent()) {
                return headed;
            }
            if (core.size() >= 3 || core.stream().anyMatch(Reader::looksLikeClause)) {
                return Optional.of(new Part(Kind.THOUGHT, piece, List.of()));
            }
            return Optional.of(new Part(Kind.UNKNOWN, core, List.of()));
        }

        /** Reads "angry at the reviewer" as "angry", and "angry because she lied" as a thought after "angry". */
        private Optional<Part> withHead(List<Word> core) {
            for (int split = 1; split < core.size(); split++) {
                String form = core.get(split).form();
                boolean clause = THOUGHT_STARTS.contains(form) || SUBJECTS.contains(form);
                if (!clause && !PREPOSITIONS.contains(form)) {
                    continue;
                }
                Optional<Part> head = classify(core.subList(0, split));
                if (head.isEmpty()
                        || head.get().kind() == Kind.UNKNOWN
                        || head.get().kind() == Kind.THOUGHT) {
                    return Optional.empty();
                }
                List<Word> rest = core.subList(split, core.size());
                if (!clause && isPlainObject(rest.subList(1, rest.size()))) {
                    return head;
                }
                if (head.get().kind() == Kind.EMOTION) {
                    return Optional.of(new Part(Kind.THOUGHT, rest, head.get().words()));
                }
                return head;
            }
            return Optional.empty();
        }

        /** "the reviewer", "what she wrote", "how I reacted": short, with no "that", "because" or helping verb. */
        private static boolean isPlainObject(List<Word> words) {
            return words.size() <= LONGEST_PLAIN_OBJECT
                    && words.stream()
                            .noneMatch(word -> isVerb(word)
                                    || (THOUGHT_STARTS.contains(word.form())
                                            && !word.form().equals("how")));
        }

        /** A subject or a verb: "they", "she", "is", "won't", "we're". */
        private static boolean looksLikeClause(Word word) {
            return isVerb(word)
                    || (SUBJECTS.contains(word.form()) && !word.form().equals("this"));
        }

        private static boolean isVerb(Word word) {
            String form = word.form();
            return VERBS.contains(form)
                    || form.endsWith("n't")
                    || form.endsWith("'re")
                    || form.endsWith("'ll")
                    || form.endsWith("'ve");
        }

        /** The piece without lead-ins and tails, stopping as soon as what is left is a phrase the lists hold. */
        private List<Word> core(List<Word> piece) {
            List<Word> core = piece;
            while (!core.isEmpty() && vocabulary.kindOf(Word.forms(core)).isEmpty()) {
                int lead = vocabulary.leadInLength(core);
                int tail = vocabulary.tailLength(core);
                if (lead > 0) {
                    core = core.subList(lead, core.size());
                } else if (tail > 0 && tail < core.size()) {
                    core = core.subList(0, core.size() - tail);
                } else {
                    break;
                }
            }
            return core;
        }

        private static void addIfAny(List<List<Word>> pieces, List<Word> piece) {
            if (!piece.isEmpty()) {
                pieces.add(List.copyOf(piece));
            }
        }
    }
}
