package org.logmaster.collector.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventRepository;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.ingest.RawFrame;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.DailyLine;
import org.logmaster.collector.store.DeviceDay;

/**
 * The attribution feed from the index into the database store, and the who-had query over it
 * with its evidence lines read from real daily files; H2 and PostgreSQL by the subclasses.
 */
abstract class AttributionFeedContract {
    private static final DeviceId DHCP = new DeviceId("dhcp-1");
    private static final DeviceId ASA = new DeviceId("asa-1");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static final String PHONE = "74:83:c2:c3:31:7f";

    @TempDir
    Path data;

    private TestIndex index;
    private DailyFileLayout layout;
    private final SyslogParser parser = new SyslogParser(ZoneOffset.UTC);

    abstract TestIndex emptyIndex();

    @BeforeEach
    void open() {
        index = emptyIndex();
        layout = new DailyFileLayout(data, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void indexedDhcpAndNatEventsAnswerWhoHadThroughTheTranslation() throws Exception {
        index(DHCP, "2026-11-28T09:00:00Z", "<30>Nov 28 09:00:00 gw dhcpd[1]: DHCPACK on 192.168.1.50 to " + PHONE + " (phone) via igb1");
        index(ASA, "2026-11-28T09:05:00Z", "<166>%ASA-6-305011: Built dynamic UDP translation from inside:192.168.1.50/53012 to outside:203.0.113.5/40002");
        index(ASA, "2026-11-28T09:06:00Z", "<166>%ASA-6-305012: Teardown dynamic UDP translation from inside:192.168.1.50/53012 to outside:203.0.113.5/40002 duration 0:01:00");
        newFeed().catchUp();

        WhoHadQuery.Report report = query().ask("203.0.113.5", 40002, Instant.parse("2026-11-28T09:05:30Z"));

        assertThat(report.attribution().candidates()).singleElement().satisfies(c -> {
            assertThat(c.ip()).isEqualTo("192.168.1.50");
            assertThat(c.port()).isEqualTo(53012);
            assertThat(c.mac()).isEqualTo(PHONE);
            assertThat(c.evidence()).extracting(Evidence::what).containsExactly("nat_start", "nat_end", "dhcp_ack");
        });
    }

    @Test
    void recordsSurviveARestartAndTheFeedNeitherRepeatsNorSkips() throws Exception {
        index(DHCP, "2026-11-28T09:00:00Z", "<30>Nov 28 09:00:00 gw dhcpd[1]: DHCPACK on 192.168.1.50 to " + PHONE + " (phone) via igb1");
        assertThat(newFeed().catchUp()).isEqualTo(1);
        index(DHCP, "2026-11-28T09:30:00Z", "<30>Nov 28 09:30:00 gw dhcpd[1]: DHCPACK on 192.168.1.50 to " + PHONE + " (phone) via igb1");

        assertThat(newFeed().catchUp()).as("only the event indexed since").isEqualTo(1);
        Attribution a = query().ask("192.168.1.50", null, Instant.parse("2026-11-28T09:45:00Z")).attribution();
        assertThat(a.candidates()).singleElement().satisfies(c ->
                assertThat(c.evidence()).extracting(e -> e.ref().fileOffset()).hasSize(2).doesNotHaveDuplicates());
    }

    @Test
    void eventsWithoutAttributionFieldsAreSkipped() throws Exception {
        index(DHCP, "2026-11-28T09:00:00Z", "<30>Nov 28 09:00:00 gw dhcpd[1]: DHCPDISCOVER from " + PHONE + " via igb1");
        index(DHCP, "2026-11-28T09:00:01Z", "<30>Nov 28 09:00:01 gw sshd[1]: plain text");

        assertThat(newFeed().catchUp()).isZero();
    }

    @Test
    void anEventWithAnImpossibleAddressIsSkippedAndTheFeedGoesOn() throws Exception {
        org.logmaster.collector.parse.Fields bad = org.logmaster.collector.parse.Fields.builder()
                .put(org.logmaster.collector.parse.Field.EVENT, "dhcp_ack")
                .put(org.logmaster.collector.parse.Field.SRC_IP, "1".repeat(60))
                .put(org.logmaster.collector.parse.Field.MAC, PHONE).build();
        index(DHCP, "2026-11-28T08:59:00Z", "<30>Nov 28 08:59:00 gw dhcpd[1]: DHCPACK on 192.168.1.50 to " + PHONE + " (phone) via igb1",
                bad);
        index(DHCP, "2026-11-28T09:00:00Z", "<30>Nov 28 09:00:00 gw dhcpd[1]: DHCPACK on 192.168.1.50 to " + PHONE + " (phone) via igb1");

        assertThat(newFeed().catchUp()).isEqualTo(2);
        assertThat(query().ask("192.168.1.50", null, Instant.parse("2026-11-28T09:10:00Z")).attribution().candidates())
                .singleElement().satisfies(c -> assertThat(c.evidence()).hasSize(1));
    }

    @Test
    void evidenceLinesAreReadFromTheDailyFileWithTheirSealStatus() throws Exception {
        String ack = "<30>Nov 28 09:00:00 gw dhcpd[1]: DHCPACK on 192.168.1.50 to " + PHONE + " (phone) via igb1";
        index(DHCP, "2026-11-28T09:00:00Z", "<30>Nov 28 08:59:00 gw dhcpd[1]: DHCPDISCOVER from " + PHONE + " via igb1");
        index(DHCP, "2026-11-28T09:00:01Z", ack);
        newFeed().catchUp();
        Path folder = layout.fileFor(new DeviceDay(DHCP, DAY)).getParent();

        EvidenceLines.Line open = onlyLine(query().ask("192.168.1.50", null, Instant.parse("2026-11-28T09:10:00Z")));
        Files.writeString(folder.resolve(DAY + ".seal.p7s"), "signature");
        EvidenceLines.Line signed = onlyLine(query().ask("192.168.1.50", null, Instant.parse("2026-11-28T09:10:00Z")));
        Files.writeString(folder.resolve(DAY + ".seal.tsr"), "time stamp");
        EvidenceLines.Line sealed = onlyLine(query().ask("192.168.1.50", null, Instant.parse("2026-11-28T09:10:00Z")));

        assertThat(open.text()).isEqualTo(ack);
        assertThat(open.file()).isEqualTo("logs/dhcp-1/2026-11-28.log");
        assertThat(open.seal()).isEqualTo(EvidenceLines.SealStatus.NOT_SEALED);
        assertThat(signed.seal()).isEqualTo(EvidenceLines.SealStatus.SIGNED_ONLY);
        assertThat(sealed.seal()).isEqualTo(EvidenceLines.SealStatus.SEALED);
    }

    @Test
    void aStaticAddressOfARegisteredDeviceAnswersWithoutEvents() {
        index.database().dsl().execute("INSERT INTO devices (id, mac, name, location, device_type, static_ip, registered_at, updated_at)"
                + " VALUES ('mac-001122334455', '00:11:22:33:44:55', 'printer', 'floor 2', 'printer', '10.0.0.10',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");

        Attribution a = query().ask("10.0.0.10", null, Instant.parse("2026-11-28T09:00:00Z")).attribution();

        assertThat(a.isClear()).isTrue();
        assertThat(a.candidates().getFirst().label()).isEqualTo("printer");
        assertThat(a.candidates().getFirst().mac()).isEqualTo("00:11:22:33:44:55");
    }

    @Test
    void aQueryForSomethingThatIsNoAddressIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query().ask("not-an-ip", null, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query().ask("10.0.0.1", 70000, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EvidenceLines.Line onlyLine(WhoHadQuery.Report report) {
        Evidence e = report.attribution().candidates().getFirst().evidence().getFirst();
        return report.line(e);
    }

    private AttributionFeed newFeed() {
        return new AttributionFeed(index.database().dsl(), Map.of());
    }

    private WhoHadQuery query() {
        return new WhoHadQuery(new JdbcAttributionStore(index.database().dsl()), new EvidenceLines(layout));
    }

    /** Appends the line to the device's daily file, as the writer does, and indexes it, as the indexer does. */
    private void index(DeviceId device, String arrival, String message) throws Exception {
        index(device, arrival, message, null);
    }

    /** As above, with {@code fields} instead of what the parser extracts (null: the parser's). */
    private void index(DeviceId device, String arrival, String message, org.logmaster.collector.parse.Fields fields)
            throws Exception {
        Instant at = Instant.parse(arrival);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        Path file = layout.fileFor(new DeviceDay(device, DAY));
        Files.createDirectories(file.getParent());
        long offset = Files.exists(file) ? Files.size(file) : 0;
        Files.write(file, DailyLine.encode(new RawFrame(bytes, at, InetAddress.getLoopbackAddress(), "udp", null)),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        List<EventRow> rows = new ArrayList<>();
        var event = parser.parse(bytes, new ParseContext(at, ZoneOffset.UTC));
        rows.add(new EventRow(new DeviceDay(device, DAY), offset, at, "127.0.0.1", "udp",
                fields == null ? event : event.withFields(fields)));
        new EventRepository(index.database()).store(rows, Map.of());
    }
}
