package org.logmaster.collector.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.logmaster.collector.attribution.Finding.Kind;

/** Attribution from DHCP events, whatever the store; run on each store by the subclasses. */
abstract class LeaseAttributionContract {
    private static final String MAC_A = "74:83:c2:c3:31:7f";
    private static final String MAC_B = "1c:6f:65:81:c3:25";

    /** A fresh, empty store for one test. */
    abstract AttributionStore newStore();

    /** Releases what {@link #newStore} opened. */
    void closeStore() {}

    @org.junit.jupiter.api.AfterEach
    void releaseStore() {
        closeStore();
    }

    private final AttributionStore store = newStore();
    private final EventFeed feed = new EventFeed(new AttributionRecorder(store, Map.of("dhcp-2", Duration.ofHours(1))));
    private final WhoHad whoHad = new WhoHad(store);

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private ObservedEvent keaAck(String when, String hhmmss, String ip, String mac, int seconds) {
        return feed.line("kea-1", when, "<30>Jun  1 " + hhmmss + " gw kea-dhcp4[1]: INFO [kea-dhcp4.leases.0x1] DHCP4_LEASE_ALLOC [hwtype=1 "
                + mac + "], cid=[no info], tid=0x1: lease " + ip + " has been allocated for " + seconds + " seconds");
    }

    @Test
    void aLeaseCoversItsLengthFromTheAck() {
        ObservedEvent ack = keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.146", MAC_A, 3600);

        Attribution inside = whoHad.query("192.168.20.146", null, at("2024-06-01T10:59:59Z"));
        Attribution after = whoHad.query("192.168.20.146", null, at("2024-06-01T11:00:00Z"));

        assertThat(inside.isClear()).isTrue();
        assertThat(inside.candidates().getFirst().mac()).isEqualTo(MAC_A);
        assertThat(inside.candidates().getFirst().evidence()).extracting(Evidence::ref).containsExactly(ack.ref());
        assertThat(after.candidates()).isEmpty();
        assertThat(after.has(Kind.NO_LEASE)).isTrue();
    }

    @Test
    void renewalsExtendTheLeaseAndJoinItsEvidence() {
        ObservedEvent first = keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.146", MAC_A, 3600);
        ObservedEvent renewal = keaAck("2024-06-01T10:30:00Z", "10:30:00", "192.168.20.146", MAC_A, 3600);

        Attribution a = whoHad.query("192.168.20.146", null, at("2024-06-01T11:15:00Z"));

        assertThat(a.isClear()).isTrue();
        assertThat(a.candidates().getFirst().evidence()).extracting(Evidence::ref)
                .containsExactly(first.ref(), renewal.ref());
        assertThat(whoHad.query("192.168.20.146", null, at("2024-06-01T11:30:00Z")).candidates()).isEmpty();
    }

    @Test
    void aRenewalWithAShorterLengthDoesNotShortenTheLease() {
        keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.146", MAC_A, 7200);
        keaAck("2024-06-01T10:10:00Z", "10:10:00", "192.168.20.146", MAC_A, 600);

        assertThat(whoHad.query("192.168.20.146", null, at("2024-06-01T11:30:00Z")).isClear()).isTrue();
    }

    @Test
    void aLeaseThatCrossesMidnightIsFoundOnTheNextDayWithEvidenceFromBothDailyFiles() {
        ObservedEvent evening = feed.line("kea-1", "2024-06-01T23:30:00Z", "<30>Jun  1 23:30:00 gw kea-dhcp4[1]: INFO [x] "
                + "DHCP4_LEASE_ALLOC [hwtype=1 " + MAC_A + "], cid=[no info], tid=0x1: lease 10.0.0.5 has been allocated for 3600 seconds");
        ObservedEvent night = feed.line("kea-1", "2024-06-02T00:10:00Z", "<30>Jun  2 00:10:00 gw kea-dhcp4[1]: INFO [x] "
                + "DHCP4_LEASE_ALLOC [hwtype=1 " + MAC_A + "], cid=[no info], tid=0x2: lease 10.0.0.5 has been allocated for 3600 seconds");

        Attribution a = whoHad.query("10.0.0.5", null, at("2024-06-02T01:05:00Z"));

        assertThat(a.isClear()).isTrue();
        assertThat(a.candidates().getFirst().evidence()).extracting(e -> e.ref().fileDay())
                .containsExactly(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-02"));
        assertThat(evening.ref().fileDay()).isNotEqualTo(night.ref().fileDay());
    }

    @Test
    void anExpiryEndsTheLeaseBeforeItsLength() {
        keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.148", MAC_A, 3600);
        ObservedEvent reclaim = feed.line("kea-1", "2024-06-01T10:20:00Z", "<31>Jun  1 10:20:00 gw kea-dhcp4[1]: DEBUG [x] "
                + "ALLOC_ENGINE_LEASE_RECLAIMED successfully reclaimed lease 192.168.20.148");

        assertThat(whoHad.query("192.168.20.148", null, at("2024-06-01T10:19:59Z")).candidates().getFirst().evidence())
                .extracting(Evidence::ref).contains(reclaim.ref());
        assertThat(whoHad.query("192.168.20.148", null, at("2024-06-01T10:20:00Z")).candidates()).isEmpty();
    }

    @Test
    void aReleaseEndsALeaseWhoseEndWasNotLogged() {
        feed.line("dhcp-1", "2024-06-01T10:00:00Z", "<30>Jun  1 10:00:00 gw dhcpd[2]: DHCPACK on 10.0.0.7 to " + MAC_A + " (phone) via igb1");
        feed.line("dhcp-1", "2024-06-01T10:40:00Z", "<30>Jun  1 10:40:00 gw dhcpd[2]: DHCPRELEASE of 10.0.0.7 from " + MAC_A + " (phone) via igb1 (found)");

        Attribution during = whoHad.query("10.0.0.7", null, at("2024-06-01T10:39:00Z"));

        assertThat(during.isClear()).isTrue();
        assertThat(during.candidates().getFirst().clientHost()).isEqualTo("phone");
        assertThat(whoHad.query("10.0.0.7", null, at("2024-06-01T10:41:00Z")).has(Kind.NO_LEASE)).isTrue();
    }

    @Test
    void aLeaseWithoutLoggedEndHoldsButSaysSo() {
        feed.line("dhcp-1", "2024-06-01T10:00:00Z", "<30>Jun  1 10:00:00 gw dhcpd[2]: DHCPACK on 10.0.0.7 to " + MAC_A + " via igb1");

        Attribution a = whoHad.query("10.0.0.7", null, at("2024-06-01T18:00:00Z"));

        assertThat(a.candidates()).extracting(Candidate::mac).containsExactly(MAC_A);
        assertThat(a.has(Kind.END_NOT_OBSERVED)).isTrue();
        assertThat(a.isClear()).isFalse();
    }

    @Test
    void theConfiguredLeaseTimeOfAServerThatDoesNotLogItEndsTheLease() {
        feed.line("dhcp-2", "2024-06-01T10:00:00Z", "<30>Jun  1 10:00:00 gw dhcpd[2]: DHCPACK on 10.0.0.8 to " + MAC_A + " via igb1");

        assertThat(whoHad.query("10.0.0.8", null, at("2024-06-01T10:59:00Z")).isClear()).isTrue();
        assertThat(whoHad.query("10.0.0.8", null, at("2024-06-01T11:00:00Z")).candidates()).isEmpty();
        assertThat(store.leases("10.0.0.8", at("2024-06-01T10:00:00Z"), at("2024-06-01T10:00:00Z")).getFirst().endReason())
                .isEqualTo(LeaseEnd.CONFIGURED_LEASE_TIME);
    }

    @Test
    void anAckToAnotherMacEndsALeaseWithoutLoggedEnd() {
        feed.line("dhcp-1", "2024-06-01T10:00:00Z", "<30>Jun  1 10:00:00 gw dhcpd[2]: DHCPACK on 10.0.0.9 to " + MAC_A + " via igb1");
        ObservedEvent takeover = feed.line("dhcp-1", "2024-06-01T12:00:00Z",
                "<30>Jun  1 12:00:00 gw dhcpd[2]: DHCPACK on 10.0.0.9 to " + MAC_B + " via igb1");

        Attribution before = whoHad.query("10.0.0.9", null, at("2024-06-01T11:00:00Z"));
        Attribution after = whoHad.query("10.0.0.9", null, at("2024-06-01T12:30:00Z"));

        assertThat(before.isClear()).isTrue();
        assertThat(before.candidates().getFirst().mac()).isEqualTo(MAC_A);
        assertThat(before.candidates().getFirst().evidence()).extracting(Evidence::ref).contains(takeover.ref());
        assertThat(after.candidates()).extracting(Candidate::mac).containsExactly(MAC_B);
    }

    @Test
    void twoMacsHoldingTheAddressAtOnceAreBothReportedAsOverlap() {
        keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.150", MAC_A, 3600);
        keaAck("2024-06-01T10:10:00Z", "10:10:00", "192.168.20.150", MAC_B, 3600);

        Attribution a = whoHad.query("192.168.20.150", null, at("2024-06-01T10:20:00Z"));

        assertThat(a.candidates()).extracting(Candidate::mac).containsExactlyInAnyOrder(MAC_A, MAC_B);
        assertThat(a.has(Kind.OVERLAPPING_CLAIMS)).isTrue();
        assertThat(whoHad.query("192.168.20.150", null, at("2024-06-01T11:05:00Z")).isClear()).isTrue();
    }

    @Test
    void betweenTwoLeasesNothingIsGuessedAndTheNearestEvidenceIsGiven() {
        ObservedEvent earlier = keaAck("2024-06-01T08:00:00Z", "08:00:00", "192.168.20.151", MAC_A, 3600);
        ObservedEvent later = keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.151", MAC_B, 3600);

        Attribution between = whoHad.query("192.168.20.151", null, at("2024-06-01T09:30:00Z"));
        Attribution before = whoHad.query("192.168.20.151", null, at("2024-06-01T07:00:00Z"));

        assertThat(between.candidates()).isEmpty();
        Finding gap = between.findings().getFirst();
        assertThat(gap.kind()).isEqualTo(Kind.NO_LEASE);
        assertThat(gap.evidence()).extracting(Evidence::ref).containsExactly(earlier.ref(), later.ref());
        assertThat(before.findings().getFirst().evidence()).extracting(Evidence::ref).containsExactly(earlier.ref());
    }

    @Test
    void anAddressWithNoRecordsAtAllSaysSo() {
        Attribution a = whoHad.query("10.99.99.99", 443, at("2024-06-01T10:00:00Z"));

        assertThat(a.candidates()).isEmpty();
        assertThat(a.findings()).extracting(Finding::kind).containsExactly(Kind.NO_LEASE);
        assertThat(a.findings().getFirst().evidence()).isEmpty();
    }

    @Test
    void aStaticRegistrationNamesTheDeviceWithoutEvents() {
        new AttributionRecorder(store).register(new StaticAssignment("10.0.0.10", "00:11:22:33:44:55", "printer-2nd-floor",
                at("2024-01-01T00:00:00Z"), null, "device registry"));

        Attribution a = whoHad.query("10.0.0.10", 9100, at("2024-06-01T10:00:00Z"));

        assertThat(a.isClear()).isTrue();
        assertThat(a.candidates().getFirst().label()).isEqualTo("printer-2nd-floor");
        assertThat(a.candidates().getFirst().evidence().getFirst().what()).isEqualTo("static: device registry");
        assertThat(whoHad.query("10.0.0.10", null, at("2023-12-31T23:00:00Z")).candidates()).isEmpty();
    }

    @Test
    void aStaticRegistrationAndALeaseOfAnotherMacAreAnOverlap() {
        new AttributionRecorder(store).register(new StaticAssignment("192.168.20.152", "00:11:22:33:44:55", "nas", null,
                null, "device registry"));
        keaAck("2024-06-01T10:00:00Z", "10:00:00", "192.168.20.152", MAC_A, 3600);

        Attribution a = whoHad.query("192.168.20.152", null, at("2024-06-01T10:30:00Z"));

        assertThat(a.candidates()).hasSize(2);
        assertThat(a.has(Kind.OVERLAPPING_CLAIMS)).isTrue();
    }
}
