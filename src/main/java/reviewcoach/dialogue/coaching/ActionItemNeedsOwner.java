package reviewcoach.dialogue.coaching;

import java.util.List;
import java.util.Optional;
import reviewcoach.dialogue.ActionItem;
import reviewcoach.dialogue.Step;

/** In the response plan, a follow-up without an owner is a wish: the coach asks who will own it. */
final class ActionItemNeedsOwner implements CoachingRule {

    @Override
    public Optional<Concern> review(Step step, String text) {
        if (step != Step.RESPONSE_PLAN) {
            return Optional.empty();
        }
        return ActionItem.parse(text)
                .filter(item -> !item.hasOwner())
                .map(item -> new Concern(
                        List.of(),
                        "Good follow-up. Who will own it? Add them with @, and a date if there is one, like:"
                                + " action: " + item.description() + " @Dana by 2026-12-01"));
    }
}
