package reviewcoach.service;

import java.util.Objects;
import java.util.Set;
import reviewcoach.dialogue.PracticeType;

/**
 * What one office (workspace) has chosen: where summaries go, who manages, what kind of practice it is.
 *
 * @param summaryChannel the channel id for manager summaries and the weekly digest, or null for each session's own
 *     channel (and no digest)
 * @param managers user ids and user group ids ({@code S…}) who may finish, delete and ask for the digest
 * @param practice the kind of office: health care never confirms in public that a reviewer is a client
 */
public record OfficeSettings(String summaryChannel, Set<String> managers, PracticeType practice) {

    public OfficeSettings {
        managers = Set.copyOf(managers);
        Objects.requireNonNull(practice, "practice");
    }
}
