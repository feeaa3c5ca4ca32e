package reviewcoach.service;

/** Who administers a workspace in Slack (its admins and owners). Thread-safe. */
public interface WorkspaceAdmins {

    /**
     * Whether the person is an admin or owner of the workspace.
     *
     * @throws DeliveryFailure when Slack cannot say
     */
    boolean isAdmin(String workspace, String userId);
}
