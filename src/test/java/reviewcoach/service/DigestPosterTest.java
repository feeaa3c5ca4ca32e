package reviewcoach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reviewcoach.dialogue.PracticeType;
import reviewcoach.summary.Digest;
import reviewcoach.summary.Home;
import reviewcoach.summary.OwnerLoad;
import reviewcoach.summary.PeriodPicture;

/** A digest goes where its delivery says, telling only its workspace's week; one queued before addresses still goes. */
class DigestPosterTest {

    private static final Instant END = Instant.parse("2026-11-30T09:00:00Z");

    private final List<String> asked = new ArrayList<>();
    private final List<String> posted = new ArrayList<>();

    private final TeamActivity activity = new QuietTeamActivity() {
        @Override
        public PeriodPicture picture(String workspace, Instant from, Instant to) {
            asked.add("picture of " + workspace);
            return super.picture(workspace, from, to);
        }

        @Override
        public List<OwnerLoad> ownerLoads(String workspace, LocalDate today, int limit) {
            asked.add("loads of " + workspace);
            return super.ownerLoads(workspace, today, limit);
        }
    };

    private final TeamViews views = new TeamViews() {
        @Override
        public void publishHome(String workspace, String user, Home home, OfficeSettings office) {}

        @Override
        public String postDigest(String workspace, String channel, Digest digest) {
            posted.add(workspace + " -> " + channel);
            return "1700000000.000100";
        }
    };

    private DigestPoster poster(String defaultChannel) {
        Offices offices = Offices.fixed(new OfficeSettings(defaultChannel, Set.of(), PracticeType.GENERAL));
        return new DigestPoster(activity, views, ZoneOffset.UTC, new DigestAddresses(offices, null));
    }

    @Test
    void aWorkspacesDigestTellsItsOwnWeekInItsOwnChannel() {
        poster("C0DEFAULT").send(delivery(new DigestAddress("T0DENTAL", "C0DENTAL").subject(END)));

        assertEquals(List.of("T0DENTAL -> C0DENTAL"), posted);
        assertEquals(List.of("picture of T0DENTAL", "loads of T0DENTAL"), asked);
    }

    @Test
    void aDigestQueuedBeforeDigestsHadAddressesGoesToTheSummaryChannel() {
        poster("C0DEFAULT").send(delivery(String.valueOf(END.getEpochSecond())));

        assertEquals(List.of("null -> C0DEFAULT"), posted);
    }

    @Test
    void aMalformedSubjectOrNowhereToGoIsAPermanentFailure() {
        DeliveryFailure malformed =
                assertThrows(DeliveryFailure.class, () -> poster("C0DEFAULT").send(delivery("soon T0DENTAL")));
        assertEquals("malformed_digest_subject", malformed.error());
        DeliveryFailure nowhere = assertThrows(
                DeliveryFailure.class, () -> poster(null).send(delivery(String.valueOf(END.getEpochSecond()))));
        assertEquals(DeliveryFailure.Kind.PERMANENT, nowhere.kind());
    }

    private static Delivery delivery(String subject) {
        return new Delivery(1, 0, DeliveryKind.DIGEST, subject, 0);
    }
}
