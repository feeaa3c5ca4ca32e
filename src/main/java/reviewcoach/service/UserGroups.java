package reviewcoach.service;

import java.util.Set;

/** Who belongs to a Slack user group. Thread-safe. */
public interface UserGroups {

    /**
     * The user ids in one of a workspace's user groups.
     *
     * @throws DeliveryFailure when Slack cannot say
     */
    Set<String> members(String workspace, String userGroupId);

    /** For a workspace that names no user groups: every group is empty. */
    UserGroups NONE = (workspace, userGroupId) -> Set.of();
}
