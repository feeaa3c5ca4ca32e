package reviewcoach.service;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reviewcoach.dialogue.PracticeType;

/**
 * Changing a workspace's settings from its App Home: allowed to the workspace's Slack admins and owners, and to its
 * managers. Thread-safe.
 */
public final class OfficeAdmin {

    private static final Logger log = LoggerFactory.getLogger(OfficeAdmin.class);

    /** What became of a change. */
    public enum Result {
        CHANGED,
        NOT_ALLOWED
    }

    private final Offices offices;
    private final Managers managers;
    private final WorkspaceAdmins admins;

    public OfficeAdmin(Offices offices, Managers managers, WorkspaceAdmins admins) {
        this.offices = Objects.requireNonNull(offices, "offices");
        this.managers = Objects.requireNonNull(managers, "managers");
        this.admins = Objects.requireNonNull(admins, "admins");
    }

    /** The settings the workspace works with now. */
    public OfficeSettings settingsOf(String workspace) {
        return offices.of(workspace);
    }

    /** Whether this person may change the workspace's settings; a Slack that cannot say counts as no. */
    public boolean mayChange(String workspace, String user) {
        if (managers.isManager(workspace, user)) {
            return true;
        }
        try {
            return admins.isAdmin(workspace, user);
        } catch (DeliveryFailure failure) {
            log.warn("could not ask Slack whether someone is an admin ({}); treated as not", failure.error());
            return false;
        }
    }

    /**
     * Keeps what an admin chose. The managers chosen are people; user groups named before (in {@code MANAGERS} or
     * earlier) stay, since the form cannot show them.
     */
    public Result change(String workspace, String user, String summaryChannel, Set<String> people, String practice) {
        if (!mayChange(workspace, user)) {
            log.info("settings change refused");
            return Result.NOT_ALLOWED;
        }
        Set<String> named = new LinkedHashSet<>(people);
        offices.of(workspace).managers().stream().filter(Managers::isUserGroup).forEach(named::add);
        OfficeSettings chosen = new OfficeSettings(summaryChannel, named, PracticeType.parse(practice));
        offices.change(workspace, chosen, user);
        log.info(
                "settings changed: summary channel {}, {} managers, {}",
                summaryChannel,
                named.size(),
                chosen.practice());
        return Result.CHANGED;
    }
}
