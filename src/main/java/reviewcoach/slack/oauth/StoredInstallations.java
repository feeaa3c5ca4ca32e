package reviewcoach.slack.oauth;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reviewcoach.service.Installation;
import reviewcoach.service.Installations;

/**
 * Bolt's installation store, kept in our {@link Installations}: one bot per workspace, the latest install winning, no
 * user tokens and no history. Team-level installs only: an org-wide Enterprise Grid install (no workspace of its own,
 * {@code org_deploy_enabled} in the manifest) and token rotation ({@code token_rotation_enabled}) are not supported, and
 * an install that brings either is refused with an exception saying so (Bolt's default failure page shows
 * its message to whoever installs, so no message here holds a token). Never log Bolt's {@link DefaultBot} or {@link
 * DefaultInstaller}: their {@code toString} shows the token. Thread-safe.
 */
public final class StoredInstallations implements InstallationService {

    private final Installations installations;
    private final Clock clock;

    /**
     * @param clock stamps an installation that arrives without the time Bolt installed it
     */
    public StoredInstallations(Installations installations, Clock clock) {
        this.installations = Objects.requireNonNull(installations, "installations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Always false: a reinstall replaces the workspace's installation. */
    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            // Bolt's optional history of installs is switched off by design: one row per workspace, its latest.
            throw new UnsupportedOperationException("installations keep no history: only each workspace's latest");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        refuseUnsupported(
                installer.getIsEnterpriseInstall(),
                installer.getTeamId(),
                installer.getBotAccessToken(),
                installer.getBotRefreshToken());
        installations.save(new Installation(
                installer.getTeamId(),
                installer.getEnterpriseId(),
                installer.getBotAccessToken(),
                installer.getBotUserId(),
                installer.getBotId(),
                installer.getBotScope(),
                installer.getInstallerUserId(),
                installedAt(installer.getInstalledAt())));
    }

    /** Keeps a bot again (Bolt does so after rotating its token), with the workspace's installer and scopes. */
    @Override
    public void saveBot(Bot bot) {
        refuseUnsupported(
                bot.getIsEnterpriseInstall(), bot.getTeamId(), bot.getBotAccessToken(), bot.getBotRefreshToken());
        Optional<Installation> earlier = installations.find(bot.getTeamId());
        installations.save(new Installation(
                bot.getTeamId(),
                bot.getEnterpriseId(),
                bot.getBotAccessToken(),
                bot.getBotUserId(),
                bot.getBotId(),
                bot.getBotScope() != null
                        ? bot.getBotScope()
                        : earlier.map(Installation::scopes).orElse(null),
                earlier.map(Installation::installer).orElse(null),
                installedAt(bot.getInstalledAt())));
    }

    /** Forgets the workspace's installation: its bot token was revoked, or Slack calls its account inactive. */
    @Override
    public void deleteBot(Bot bot) {
        if (bot.getTeamId() != null) {
            installations.remove(bot.getTeamId());
        }
    }

    /** Does nothing: no user token is kept, and the workspace's bot stays installed when its installer's token goes. */
    @Override
    public void deleteInstaller(Installer installer) {}

    /**
     * The workspace's bot, looked up by workspace alone: a workspace id names one workspace whether or not it belongs
     * to an Enterprise Grid organization (and it may have joined one since it installed).
     *
     * @param enterpriseId the organization, or null
     * @param teamId the workspace; null (a request to an org-wide install) finds nothing
     */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return find(teamId).map(installation -> bot(installation, enterpriseId)).orElse(null);
    }

    /** The workspace's installation as its installer's, for the user who installed it; it holds no user token. */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return find(teamId)
                .filter(installation -> installation.installer() != null
                        && installation.installer().equals(userId))
                .map(installation -> installer(installation, enterpriseId))
                .orElse(null);
    }

    /** Forgets the workspace's installation ({@code app_uninstalled}); an org-wide uninstall has none here. */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        if (teamId != null) {
            installations.remove(teamId);
        }
    }

    private Optional<Installation> find(String teamId) {
        return teamId == null ? Optional.empty() : installations.find(teamId);
    }

    private Instant installedAt(Long epochMillis) {
        return epochMillis == null ? clock.instant() : Instant.ofEpochMilli(epochMillis);
    }

    private static void refuseUnsupported(
            Boolean enterpriseInstall, String teamId, String botToken, String botRefreshToken) {
        if (Boolean.TRUE.equals(enterpriseInstall) || teamId == null) {
            throw new InstallRefused("an org-wide Enterprise Grid install is not supported: keep"
                    + " org_deploy_enabled false in the manifest and install the app to each workspace");
        }
        if (botToken == null) {
            throw new IllegalArgumentException(
                    "the install brought no bot token: the manifest must ask for bot scopes");
        }
        if (botRefreshToken != null) {
            throw new InstallRefused("token rotation is not supported: create the app from manifest.yml,"
                    + " which keeps token_rotation_enabled false (Slack cannot turn rotation off once it is on)");
        }
    }

    private static DefaultBot bot(Installation installation, String enterpriseId) {
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(enterpriseId != null ? enterpriseId : installation.enterprise());
        bot.setTeamId(installation.workspace());
        bot.setIsEnterpriseInstall(false);
        bot.setTokenType("bot");
        bot.setBotAccessToken(installation.botToken());
        bot.setBotUserId(installation.botUserId());
        bot.setBotId(installation.botId());
        bot.setBotScope(installation.scopes());
        bot.setScope(installation.scopes());
        bot.setInstalledAt(installation.installedAt().toEpochMilli());
        return bot;
    }

    private static DefaultInstaller installer(Installation installation, String enterpriseId) {
        return DefaultInstaller.builder()
                .enterpriseId(enterpriseId != null ? enterpriseId : installation.enterprise())
                .teamId(installation.workspace())
                .isEnterpriseInstall(false)
                .tokenType("bot")
                .installerUserId(installation.installer())
                .botAccessToken(installation.botToken())
                .botUserId(installation.botUserId())
                .botId(installation.botId())
                .botScope(installation.scopes())
                .installedAt(installation.installedAt().toEpochMilli())
                .build();
    }
}
