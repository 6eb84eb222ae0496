package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.FieldCondition;
import org.logmaster.api.v1.FindingKind;
import org.logmaster.api.v1.QueryAuditRequest;
import org.logmaster.api.v1.SealStatus;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.WhoHadRequest;
import org.logmaster.api.v1.WhoHadResponse;
import org.logmaster.collector.api.ProtoMapping;

/**
 * Issue 6's "done when": ISC dhcpd and dnsmasq lease lines and Cisco ASA NAT lines sent with
 * util-linux {@code logger} to the real collector; {@code who-had} (the command and the gRPC
 * call) answers for instants inside, between and outside the leases and through the NAT
 * translation, with the evidence lines, and field search finds the same events.
 */
class WhoHadLoggerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String IP = "192.168.50.10";
    private static final String PHONE = "74:83:c2:c3:31:7f";
    private static final String LAPTOP = "3c:22:fb:00:11:22";
    private static final Pattern ADMIN = Pattern.compile("administrator: admin / password: (\\S+)");

    @TempDir
    static Path data;
    static CollectorProcess collector;
    static DailyFiles files;
    static Instant phoneAck;
    static Instant phoneRelease;
    static Instant laptopAck;
    static Instant natBuilt;
    static Instant natTornDown;

    @BeforeAll
    static void sendLeasesAndTranslations() throws Exception {
        collector = CollectorProcess.start(data);
        files = new DailyFiles(data);
        send("dhcpd", "DHCPACK on " + IP + " to " + PHONE + " (phone) via igb1");
        send("dhcpd", "DHCPRELEASE of " + IP + " from " + PHONE + " (phone) via igb1 (found)");
        send("dnsmasq-dhcp", "DHCPACK(br-lan) " + IP + " " + LAPTOP + " laptop");
        send("asa01", "%ASA-6-305011: Built dynamic UDP translation from inside:" + IP + "/53012 to outside:203.0.113.5/40002");
        send("asa01", "%ASA-6-305012: Teardown dynamic UDP translation from inside:" + IP + "/53012 to outside:203.0.113.5/40002 duration 0:00:01");
        assertThat(files.awaitIndexCount("message like '%" + IP + "%'", 5, WAIT)).isEqualTo(5);
        phoneAck = deviceTime("DHCPACK on " + IP + "%");
        phoneRelease = deviceTime("DHCPRELEASE of " + IP + "%");
        laptopAck = deviceTime("DHCPACK(br-lan) " + IP + "%");
        natBuilt = deviceTime("%305011%" + IP + "%");
        natTornDown = deviceTime("%305012%" + IP + "%");
        awaitAttribution();
    }

    @AfterAll
    static void stop() throws Exception {
        if (collector != null) collector.close();
    }

    /** RFC 5424 (microsecond time stamps), so that one second holds all five lines in order. */
    private static void send(String tag, String message) throws Exception {
        Logger.send(collector.udpPort, "-d", "--rfc5424", "-t", tag, "-p", "daemon.info", message);
        Thread.sleep(20);
    }

    private static Instant deviceTime(String messageLike) throws Exception {
        try (Connection c = files.index(); ResultSet rs = c.createStatement().executeQuery(
                "select device_time from events where message like '" + messageLike + "'")) {
            assertThat(rs.next()).as("indexed: " + messageLike).isTrue();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    /** The feed records in the background; the NAT teardown is the last line sent. */
    private static void awaitAttribution() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!whoHad("203.0.113.5", "40002", natBuilt).contains(LAPTOP)) {
            if (System.nanoTime() > deadline) throw new AssertionError("no attribution within " + WAIT);
            Thread.sleep(200);
        }
    }

    private static String whoHad(String ip, String port, Instant at) throws Exception {
        return port == null ? collector.cli("who-had", ip, "--at", at.toString())
                : collector.cli("who-had", ip, port, "--at", at.toString());
    }

    private static Instant between(Instant a, Instant b) {
        return a.plus(Duration.between(a, b).dividedBy(2));
    }

    @Test
    void insideTheFirstLeaseThePhoneHadTheAddressAndTheAckIsTheEvidence() throws Exception {
        String out = whoHad(IP, null, between(phoneAck, phoneRelease));

        assertThat(out).contains("candidate 1: ip " + IP + " mac " + PHONE + " host phone")
                .doesNotContain("candidate 2").doesNotContain(LAPTOP)
                .containsPattern("evidence \\S+ dhcp_ack logs/ip-127-0-0-1/\\d{4}-\\d\\d-\\d\\d\\.log@\\d+ \\[NOT_SEALED\\] .*DHCPACK on " + IP)
                .contains("dhcp_release");
    }

    @Test
    void betweenTheReleaseAndTheNextAckNobodyIsNamedAndTheGapIsReported() throws Exception {
        String out = whoHad(IP, null, between(phoneRelease, laptopAck));

        assertThat(out).contains("no candidate").contains("finding NO_LEASE").doesNotContain("candidate 1");
    }

    @Test
    void beforeAnyLeaseNobodyIsNamed() throws Exception {
        String out = whoHad(IP, null, phoneAck.minusSeconds(5));

        assertThat(out).contains("no candidate").contains("finding NO_LEASE");
    }

    @Test
    void theSecondLeaseNamesTheLaptopAndSaysItsEndWasNotLogged() throws Exception {
        String out = whoHad(IP, null, laptopAck.plusSeconds(60));

        assertThat(out).contains("candidate 1: ip " + IP + " mac " + LAPTOP + " host laptop").doesNotContain(PHONE)
                .contains("finding END_NOT_OBSERVED");
    }

    @Test
    void thePublicAddressAndPortLeadThroughTheTranslationToTheLaptop() throws Exception {
        String out = whoHad("203.0.113.5", "40002", between(natBuilt, natTornDown));

        assertThat(out).contains("candidate 1: ip " + IP + " port 53012 mac " + LAPTOP).contains("nat_start").contains("nat_end");
    }

    @Test
    void afterTheTeardownThePublicAddressIsNotAttributed() throws Exception {
        String out = whoHad("203.0.113.5", "40002", natTornDown.plusSeconds(30));

        assertThat(out).contains("no candidate").contains("finding NO_TRANSLATION");
    }

    @Test
    void aBadAddressIsAnErrorExit() throws Exception {
        CollectorProcess.CliRun run = collector.cliRun("who-had", "no-such-ip", "--at", phoneAck.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("not an IP address");
    }

    @Test
    void theSearchCommandFiltersByFields() throws Exception {
        String out = collector.cli("search", "srcip=" + IP, "event=dhcp_ack");

        assertThat(out).contains("2 of 2 matching").contains("mac=" + PHONE).contains("mac=" + LAPTOP);
    }

    @Test
    void theGrpcCallAnswersWithEvidenceLinesAndIsAudited() throws Exception {
        Matcher m = ADMIN.matcher(collector.cli("init"));
        assertThat(m.find()).isTrue();
        try (ApiClient admin = ApiClient.connect(collector.apiPort, collector.apiFingerprint()).login("admin", m.group(1))) {
            WhoHadResponse inside = admin.attribution().whoHad(WhoHadRequest.newBuilder().setIp("203.0.113.5").setPort(40002)
                    .setAt(ProtoMapping.timestamp(between(natBuilt, natTornDown))).build());
            WhoHadResponse between = admin.attribution().whoHad(WhoHadRequest.newBuilder().setIp(IP)
                    .setAt(ProtoMapping.timestamp(between(phoneRelease, laptopAck))).build());
            long translated = admin.logs().search(SearchRequest.newBuilder().setFilter(EventFilter.newBuilder()
                    .addFields(FieldCondition.newBuilder().setName("nat_src_ip").setValue("203.0.113.5"))).build()).getTotalCount();

            assertThat(inside.getCandidatesList()).singleElement().satisfies(c -> {
                assertThat(c.getMac()).isEqualTo(LAPTOP);
                assertThat(c.getPort()).isEqualTo(53012);
                assertThat(c.getEvidenceList()).allSatisfy(e -> {
                    assertThat(e.getFile()).startsWith("logs/ip-127-0-0-1/");
                    assertThat(e.getSeal()).isEqualTo(SealStatus.SEAL_STATUS_NOT_SEALED);
                    assertThat(e.getText()).isNotEmpty();
                });
            });
            assertThat(between.getCandidatesList()).isEmpty();
            assertThat(between.getFindingsList()).extracting(f -> f.getKind()).contains(FindingKind.FINDING_KIND_NO_LEASE);
            assertThat(translated).isEqualTo(2);
            assertThat(admin.admin().queryAudit(QueryAuditRequest.newBuilder().setPageSize(1000).build()).getEntriesList())
                    .anySatisfy(e -> {
                        assertThat(e.getAction()).contains("WhoHad");
                        assertThat(e.getTarget()).isEqualTo("203.0.113.5 port 40002");
                    });
        }
    }
}
