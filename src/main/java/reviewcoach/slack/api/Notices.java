package reviewcoach.slack.api;

/** The short private answers the bot gives one person. */
public final class Notices {

    private Notices() {}

    public static String cannotOpen(String channel, String reason) {
        if (reason.equals("is_archived")) {
            return "I couldn't start a session in <#" + channel + "> because it's archived. Try another channel.";
        }
        return "I couldn't start the session because I'm not in <#" + channel + "> yet. Add me with"
                + " `/invite @Review Coach` in that channel, then run `/review` again. Nothing was saved.";
    }

    public static String onlyStarterFinishes(String starter) {
        return "Only <@" + starter + ">, who started this session, or a manager can finish it. Type `next` to keep"
                + " going.";
    }

    public static String summaryFailed(String channel, String reason) {
        String why = reason.equals("is_archived") ? "that channel is archived" : "I'm not in that channel";
        return "I couldn't post the summary to <#" + channel + ">: " + why + ". Add me there with `/invite @Review"
                + " Coach` (or ask an admin to change SUMMARY_CHANNEL). Everything the team wrote is kept.";
    }

    public static String help() {
        return "*Review Coach* helps your team work through a negative review together, calmly.\n"
                + "• `/review <paste the review>` starts a session in this channel.\n"
                + "• `/review` on its own opens a form for the review, where it was posted and its stars.\n"
                + "• In the session's thread, reply with your lines. Type `next` to move on, `back` to go back,"
                + " `done` to finish.\n"
                + "• `/review private <paste the review>` works through it one to one in a direct message with me;"
                + " nothing is posted to the channel unless you share it at the end.\n"
                + "• `/review delete` deletes a session you started (managers can delete any) and my messages for it.\n"
                + "• `/review list` shows the sessions still open in this channel, each with its step and a link.\n"
                + "• `/review digest` (managers) posts the week in reviews to the managers' channel now.\n"
                + "Open my *Home* tab to see open sessions, your action items and the month at a glance.\n"
                + "When you finish, a summary goes to your managers' channel.";
    }

    public static String reviewTooLong(int length, int limit) {
        return String.format(
                java.util.Locale.ROOT,
                "That review is %,d characters; I take up to %,d. Paste the part the team needs to work through,"
                        + " and nothing was saved.",
                length,
                limit);
    }

    public static String starting() {
        return "Starting a session for this review. Look for it in this channel in a moment.";
    }

    public static String startingPrivately() {
        return "Let's work through it just between us. I've sent you a direct message; nothing goes to the team unless"
                + " you share it at the end.";
    }

    public static String notInDirectMessages() {
        return "Sessions run in a channel so the team can work together. Run `/review` in a channel I'm in.";
    }
}
