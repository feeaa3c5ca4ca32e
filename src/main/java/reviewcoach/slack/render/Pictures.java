package reviewcoach.slack.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import reviewcoach.dialogue.Step;
import reviewcoach.summary.Bars;
import reviewcoach.summary.PeriodPicture;
import reviewcoach.summary.SessionLine;
import reviewcoach.summary.Tally;
import reviewcoach.summary.TimeToFinish;

/** The small pictures the App Home and the digest share: emoji bars, counts at a glance, dates, thread links. */
final class Pictures {

    static final String BEFORE = ":large_orange_square:";
    static final String AFTER = ":large_blue_square:";
    private static final DateTimeFormatter FALLBACK_DAY =
            DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int EXCERPT = 150;

    private Pictures() {}

    /** A row of squares. */
    static String bar(int length, String square) {
        return square.repeat(Math.max(0, length));
    }

    /** One line per feeling: its bar, the feeling, and how many times it was named. */
    static String feelingBars(List<Tally> tallies, String square) {
        List<Integer> lengths = Bars.lengths(tallies, Bars.WIDTH);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < tallies.size(); i++) {
            Tally tally = tallies.get(i);
            if (i > 0) {
                lines.append('\n');
            }
            lines.append(bar(lengths.get(i), square))
                    .append("  ")
                    .append(SlackText.escape(tally.label()))
                    .append(" · ")
                    .append(tally.count());
        }
        return lines.toString();
    }

    /** Started, finished and the median time to finish, on one line. */
    static String counts(PeriodPicture picture) {
        String median = picture.medianIfAny()
                .map(duration -> " · :stopwatch: *" + TimeToFinish.describe(duration) + "* to finish (median)")
                .orElse("");
        return ":inbox_tray: *" + picture.started() + "* started · :white_check_mark: *" + picture.finished()
                + "* finished" + median;
    }

    /** A date Slack shows in the reader's own time zone. */
    static String date(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short}|" + FALLBACK_DAY.format(instant) + ">";
    }

    /** A link to a session's thread: the permalink form, built without asking Slack once per session. */
    static String threadLink(String workspaceUrl, SessionLine line) {
        if (line.thread() == null) {
            return null;
        }
        String base = workspaceUrl.endsWith("/") ? workspaceUrl : workspaceUrl + "/";
        return base + "archives/" + line.channel() + "/p" + line.thread().replace(".", "");
    }

    /** "Step 3 of 10 · Feeling". */
    static String stepTitle(Step step) {
        return "Step " + step.number() + " of " + Step.count() + " · " + step.title();
    }

    /** Where a session runs, as a channel mention, or "your direct message" for a private one. */
    static String where(SessionLine line) {
        return line.channel().startsWith("D") || line.channel().startsWith("U")
                ? "your direct message"
                : "<#" + line.channel() + ">";
    }

    /** The start of the review, escaped, on one line. */
    static String excerpt(SessionLine line) {
        return SlackText.shorten(
                SlackText.escape(line.excerpt().replaceAll("\\s+", " ").strip()), EXCERPT);
    }
}
