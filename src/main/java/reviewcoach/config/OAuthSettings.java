package reviewcoach.config;

import java.util.Objects;

/**
 * What installing the app to many workspaces through Slack's OAuth v2 flow needs.
 *
 * @param clientId the app's Client ID
 * @param clientSecret the app's Client Secret
 * @param stateSecret signs the OAuth {@code state} handed to the installer's browser, so that a forged one is refused
 * @param redirectUri the full {@code https://…/slack/oauth_redirect} address, or null for the one set in the app's
 *     settings
 */
public record OAuthSettings(String clientId, String clientSecret, String stateSecret, String redirectUri) {

    public OAuthSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(stateSecret, "stateSecret");
    }

    /** Masks the secrets. */
    @Override
    public String toString() {
        return "OAuthSettings[clientId=" + clientId + ", clientSecret=****, stateSecret=****, redirectUri="
                + redirectUri + "]";
    }
}
