package reviewcoach.slack.oauth;

/**
 * An install the app deliberately does not take (an org-wide Enterprise Grid install, or a token that rotates): the
 * installation handed over is not one this app accepts, like one without a bot token. It is a decision, told to the
 * installing admin with what to do instead; Bolt shows its message on the page the admin returns to.
 */
final class InstallRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InstallRefused(String message) {
        super(message);
    }
}
