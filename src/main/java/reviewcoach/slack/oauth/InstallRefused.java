package reviewcoach.slack.oauth;

/**
 * An install the app deliberately does not take (an org-wide Enterprise Grid install, or a token that rotates): not
 * missing work, but a decision, told to the installing admin with what to do instead. Bolt shows its message on the
 * page the admin returns to.
 */
final class InstallRefused extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    InstallRefused(String message) {
        super(message);
    }
}
