package org.logmaster.collector.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.attribution.Finding.Kind;

/** Public address and port at an instant → inside host → MAC → user, through real firewall, DHCP and AP lines. */
/** Attribution from NAT and Wi-Fi events, whatever the store; run on each store by the subclasses. */
abstract class NatAttributionContract {
    private static final String LAPTOP = "3c:22:fb:00:11:22";
    private static final String PHONE = "3c:22:fb:00:11:33";

    /** A fresh, empty store for one test. */
    abstract AttributionStore newStore();

    /** Releases what {@link #newStore} opened. */
    void closeStore() {}

    @org.junit.jupiter.api.AfterEach
    void releaseStore() {
        closeStore();
    }

    private final AttributionStore store = newStore();
    private final EventFeed feed = new EventFeed(new AttributionRecorder(store));
    private final WhoHad whoHad = new WhoHad(store);

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @BeforeEach
    void insideHostsHaveLeases() {
        feed.line("kea-1", "2024-06-01T08:00:00Z", "<30>Jun  1 08:00:00 gw kea-dhcp4[1]: INFO [x] DHCP4_LEASE_ALLOC [hwtype=1 "
                + LAPTOP + "], cid=[no info], tid=0x1: lease 192.168.1.50 has been allocated for 86400 seconds");
        feed.line("kea-1", "2024-06-01T08:00:00Z", "<30>Jun  1 08:00:00 gw kea-dhcp4[1]: INFO [x] DHCP4_LEASE_ALLOC [hwtype=1 "
                + PHONE + "], cid=[no info], tid=0x2: lease 192.168.1.51 has been allocated for 86400 seconds");
    }

    private ObservedEvent asa(String iso, String hhmmss, String text) {
        return feed.line("asa-1", iso, "<166>Jun 01 2024 " + hhmmss + " asa01 : " + text);
    }

    @Test
    void aPublicPortLeadsThroughTheTranslationToTheInsideHostAndItsMac() {
        ObservedEvent build = asa("2024-06-01T10:00:00Z", "10:00:00", "%ASA-6-302013: Built outbound TCP connection 4512 for "
                + "outside:93.184.216.34/443 (93.184.216.34/443) to inside:192.168.1.50/51514 (203.0.113.5/40001)");
        ObservedEvent teardown = asa("2024-06-01T10:05:00Z", "10:05:00", "%ASA-6-302014: Teardown TCP connection 4512 for "
                + "outside:93.184.216.34/443 to inside:192.168.1.50/51514 duration 0:05:00 bytes 5120 TCP FINs");

        Attribution a = whoHad.query("203.0.113.5", 40001, at("2024-06-01T10:02:00Z"));

        assertThat(a.isClear()).isTrue();
        Candidate c = a.candidates().getFirst();
        assertThat(c.ip()).isEqualTo("192.168.1.50");
        assertThat(c.port()).isEqualTo(51514);
        assertThat(c.mac()).isEqualTo(LAPTOP);
        assertThat(c.evidence()).extracting(Evidence::ref).startsWith(build.ref(), teardown.ref());
        assertThat(c.evidence()).extracting(Evidence::what).contains("dhcp_ack");
    }

    @Test
    void afterTheTeardownTheTranslationNoLongerAnswers() {
        asa("2024-06-01T10:00:00Z", "10:00:00", "%ASA-6-302013: Built outbound TCP connection 4512 for "
                + "outside:93.184.216.34/443 (93.184.216.34/443) to inside:192.168.1.50/51514 (203.0.113.5/40001)");
        asa("2024-06-01T10:05:00Z", "10:05:00", "%ASA-6-302014: Teardown TCP connection 4512 for "
                + "outside:93.184.216.34/443 to inside:192.168.1.50/51514 duration 0:05:00 bytes 5120 TCP FINs");

        Attribution a = whoHad.query("203.0.113.5", 40001, at("2024-06-01T10:05:00Z"));

        assertThat(a.candidates()).isEmpty();
        assertThat(a.has(Kind.NO_TRANSLATION)).isTrue();
        assertThat(a.findings().getFirst().evidence()).hasSize(1);
    }

    @Test
    void aTranslationWithoutTeardownHoldsButSaysSo() {
        asa("2024-06-01T10:00:00Z", "10:00:00", "%ASA-6-305011: Built dynamic UDP translation from inside:192.168.1.51/53012 "
                + "to outside:203.0.113.5/40002");

        Attribution a = whoHad.query("203.0.113.5", 40002, at("2024-06-01T10:30:00Z"));

        assertThat(a.candidates()).extracting(Candidate::mac).containsExactly(PHONE);
        assertThat(a.has(Kind.END_NOT_OBSERVED)).isTrue();
    }

    @Test
    void aPortBlockAnswersForEveryPortInItsRangeAndNoOther() {
        asa("2024-06-01T10:00:00Z", "10:00:00", "%ASA-6-305014: Allocated TCP block of ports for translation from "
                + "inside:192.168.1.51 to outside:203.0.113.6/40000-40511.");
        asa("2024-06-01T11:00:00Z", "11:00:00", "%ASA-6-305015: Released TCP block of ports for translation from "
                + "inside:192.168.1.51 to outside:203.0.113.6/40000-40511.");

        assertThat(whoHad.query("203.0.113.6", 40000, at("2024-06-01T10:30:00Z")).candidates()).extracting(Candidate::mac)
                .containsExactly(PHONE);
        assertThat(whoHad.query("203.0.113.6", 40511, at("2024-06-01T10:59:59Z")).isClear()).isTrue();
        assertThat(whoHad.query("203.0.113.6", 40512, at("2024-06-01T10:30:00Z")).has(Kind.NO_TRANSLATION)).isTrue();
        assertThat(whoHad.query("203.0.113.6", 40100, at("2024-06-01T11:00:00Z")).candidates()).isEmpty();
    }

    @Test
    void withoutAPortSeveralInsideHostsAreAllCandidatesAndThePortIsAskedFor() {
        asa("2024-06-01T10:00:00Z", "10:00:00", "%ASA-6-302013: Built outbound TCP connection 1 for "
                + "outside:93.184.216.34/443 (93.184.216.34/443) to inside:192.168.1.50/51514 (203.0.113.5/40001)");
        asa("2024-06-01T10:00:01Z", "10:00:01", "%ASA-6-302013: Built outbound TCP connection 2 for "
                + "outside:93.184.216.34/443 (93.184.216.34/443) to inside:192.168.1.51/51515 (203.0.113.5/40002)");

        Attribution any = whoHad.query("203.0.113.5", null, at("2024-06-01T10:01:00Z"));
        Attribution one = whoHad.query("203.0.113.5", 40002, at("2024-06-01T10:01:00Z"));

        assertThat(any.candidates()).extracting(Candidate::mac).containsExactlyInAnyOrder(LAPTOP, PHONE);
        assertThat(any.has(Kind.SEVERAL_INSIDE_HOSTS)).isTrue();
        assertThat(one.candidates()).extracting(Candidate::mac).containsExactly(PHONE);
    }

    @Test
    void aSessionLoggedOnlyAtItsEndCoversItsDurationAndSaysWhereTheStartComesFrom() {
        feed.line("fgt-1", "2024-06-01T10:02:00Z", "<189>date=2024-06-01 time=10:02:00 devname=\"FGT\" devid=\"FGT60E1\" "
                + "eventtime=1717236120 logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=192.168.1.50 srcport=52344 "
                + "dstip=142.250.187.110 dstport=443 sessionid=99 proto=6 action=\"close\" transip=203.0.113.20 transport=61001 "
                + "duration=120 sentbyte=10 rcvdbyte=20 user=\"ayse\"");

        Attribution during = whoHad.query("203.0.113.20", 61001, at("2024-06-01T10:00:30Z"));

        assertThat(during.candidates()).extracting(Candidate::mac).containsExactly(LAPTOP);
        assertThat(during.candidates().getFirst().users()).containsExactly("ayse");
        assertThat(during.has(Kind.START_FROM_DURATION)).isTrue();
        assertThat(whoHad.query("203.0.113.20", 61001, at("2024-06-01T09:59:59Z")).candidates()).isEmpty();
    }

    @Test
    void aSessionStartAndItsEndMakeOneTranslation() {
        feed.line("srx-1", "2024-06-01T10:00:00Z", "<14>1 2024-06-01T10:00:00Z srx RT_FLOW - RT_FLOW_SESSION_CREATE "
                + "[junos@2636.1.1.1.2.129 source-address=\"192.168.1.51\" source-port=\"52811\" destination-address=\"1.1.1.1\" "
                + "destination-port=\"443\" nat-source-address=\"203.0.113.30\" nat-source-port=\"24001\" "
                + "nat-destination-address=\"1.1.1.1\" nat-destination-port=\"443\" protocol-id=\"6\" session-id=\"81234\"]");
        feed.line("srx-1", "2024-06-01T10:01:00Z", "<14>1 2024-06-01T10:01:00Z srx RT_FLOW - RT_FLOW_SESSION_CLOSE "
                + "[junos@2636.1.1.1.2.129 source-address=\"192.168.1.51\" source-port=\"52811\" destination-address=\"1.1.1.1\" "
                + "destination-port=\"443\" nat-source-address=\"203.0.113.30\" nat-source-port=\"24001\" "
                + "nat-destination-address=\"1.1.1.1\" nat-destination-port=\"443\" protocol-id=\"6\" session-id=\"81234\" "
                + "elapsed-time=\"60\"]");

        Attribution a = whoHad.query("203.0.113.30", 24001, at("2024-06-01T10:00:30Z"));

        assertThat(a.isClear()).isTrue();
        assertThat(store.translations("203.0.113.30", at("2024-06-01T00:00:00Z"), at("2024-06-02T00:00:00Z"))).hasSize(1);
    }

    @Test
    void aPortForwardLeadsToTheServerBehindIt() {
        feed.line("mt-1", "2024-06-01T10:00:00Z", "<134>firewall,info dstnat: in:ether1 out:(unknown 0), src-mac 00:0c:42:aa:bb:cc, "
                + "proto TCP (SYN), 198.51.100.9:50000->203.0.113.40:8080, NAT 198.51.100.9:50000->(203.0.113.40:8080->192.168.1.50:80), len 52");

        Attribution exact = whoHad.query("203.0.113.40", 8080, at("2024-06-01T10:00:00Z"));
        Attribution later = whoHad.query("203.0.113.40", 8080, at("2024-06-01T10:00:01Z"));

        assertThat(exact.candidates()).extracting(Candidate::ip, Candidate::port, Candidate::mac)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.168.1.50", 80, LAPTOP));
        assertThat(later.candidates()).isEmpty();
    }

    @Test
    void theWifiIdentityOfTheMacNamesTheUserWhileTheStationIsAssociated() {
        feed.line("ap-1", "2024-06-01T10:00:00Z", "<30>Jun  1 10:00:00 ap hostapd: wlan0: STA " + LAPTOP + " IEEE 802.11: associated (aid 1)");
        feed.line("ap-1", "2024-06-01T10:00:01Z", "<30>Jun  1 10:00:01 ap hostapd: wlan0: STA " + LAPTOP
                + " IEEE 802.1X: Identity received from STA: 'ayse.yilmaz'");
        feed.line("ap-1", "2024-06-01T10:00:02Z", "<30>Jun  1 10:00:02 ap hostapd: wlan0: AP-STA-CONNECTED " + LAPTOP);
        feed.line("ap-1", "2024-06-01T11:00:00Z", "<30>Jun  1 11:00:00 ap hostapd: wlan0: AP-STA-DISCONNECTED " + LAPTOP);

        Attribution during = whoHad.query("192.168.1.50", null, at("2024-06-01T10:30:00Z"));
        Attribution after = whoHad.query("192.168.1.50", null, at("2024-06-01T11:30:00Z"));

        assertThat(during.candidates().getFirst().users()).containsExactly("ayse.yilmaz");
        assertThat(during.candidates().getFirst().evidence()).extracting(Evidence::what).contains("wifi_auth", "wifi_disconnect");
        assertThat(store.associations(LAPTOP, at("2024-06-01T00:00:00Z"), at("2024-06-02T00:00:00Z"))).hasSize(1);
        assertThat(after.candidates().getFirst().users()).isEmpty();
    }

    @Test
    void anInsideHostWithoutLeaseIsStillNamedButTheGapIsReported() {
        asa("2024-06-01T10:00:00Z", "10:00:00", "%ASA-6-302013: Built outbound TCP connection 7 for "
                + "outside:93.184.216.34/443 (93.184.216.34/443) to inside:192.168.1.99/51514 (203.0.113.5/40009)");

        Attribution a = whoHad.query("203.0.113.5", 40009, at("2024-06-01T10:00:10Z"));

        assertThat(a.candidates()).extracting(Candidate::ip, Candidate::mac)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.168.1.99", null));
        assertThat(a.has(Kind.NO_LEASE)).isTrue();
    }
}
