package reviewcoach.service;

import java.util.Set;

/** Who belongs to a Slack user group. Thread-safe. */
public interface UserGroups {

    /**
     * The user ids in a user group.
     *
     * @throws DeliveryFailure when Slack cannot say
     */
    Set<String> members(String userGroupId);

    /** For a workspace that names no user groups: every group is empty. */
    UserGroups NONE = userGroupId -> Set.of();
}
