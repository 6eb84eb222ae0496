package org.logmaster.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.apitest.TestClock;
import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.ingest.RawFrame;

class RegisteredDeviceResolverTest {
    private static final InetAddress FIREWALL = IpLiterals.parse("192.0.2.7");
    private static final InetAddress SWITCH = IpLiterals.parse("192.0.2.8");
    private static final MacAddress SWITCH_MAC = MacAddress.parse("00:1a:2b:3c:4d:60");

    private final TestDatabase database = TestDatabase.h2();
    private final DeviceRegistry registry = new DeviceRegistry(database.dsl(), new TestClock());
    private final Map<InetAddress, MacAddress> neighbours = new ConcurrentHashMap<>();
    private final UnknownSenders unknown = new UnknownSenders(database.dsl());
    private final RegisteredDeviceResolver resolver = new RegisteredDeviceResolver(registry, new NeighbourTable(List.of(
            new NeighbourTable.Source() {
                @Override public String name() { return "test"; }

                @Override public Map<InetAddress, MacAddress> read() { return Map.copyOf(neighbours); }
            })), unknown);

    @AfterEach
    void close() {
        resolver.close();
        database.close();
    }

    private static RawFrame frame(InetAddress sender, String arrival) {
        return new RawFrame("<13>hello".getBytes(StandardCharsets.US_ASCII), Instant.parse(arrival), sender, "udp");
    }

    @Test
    void aRegisteredStaticIpMapsToItsDevice() {
        Device fw = registry.register("00:1a:2b:3c:4d:5e", DeviceDetails.of("fw1", "", "firewall", "192.0.2.7"));
        assertThat(resolver.deviceFor(frame(FIREWALL, "2025-03-01T10:00:00Z"))).isEqualTo(fw.id());
    }

    @Test
    void theNeighbourTableMapsASendersIpToItsRegisteredMac() {
        neighbours.put(SWITCH, SWITCH_MAC);
        Device sw = registry.register(SWITCH_MAC.value(), DeviceDetails.of("sw1", "", "switch", ""));
        assertThat(resolver.deviceFor(frame(SWITCH, "2025-03-01T10:00:00Z"))).isEqualTo(sw.id());
    }

    @Test
    void anUnknownSenderKeepsItsAddressIdAndIsListedWithFirstLastSeenAndCount() {
        neighbours.put(SWITCH, SWITCH_MAC);
        resolver.refresh();
        assertThat(resolver.deviceFor(frame(SWITCH, "2025-03-01T10:00:00Z")).value()).isEqualTo("ip-192-0-2-8");
        resolver.deviceFor(frame(SWITCH, "2025-03-01T10:05:00Z"));
        resolver.deviceFor(frame(SWITCH, "2025-03-01T10:02:00Z"));
        assertThat(resolver.unknownSenders()).containsExactly(new UnknownSender(SWITCH, new DeviceId("ip-192-0-2-8"),
                SWITCH_MAC, Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:05:00Z"), 3));
    }

    @Test
    void countsKeepAddingUpAcrossFlushes() {
        resolver.deviceFor(frame(SWITCH, "2025-03-01T10:00:00Z"));
        unknown.flush();
        resolver.deviceFor(frame(SWITCH, "2025-03-01T10:01:00Z"));
        assertThat(resolver.unknownSenders()).singleElement().extracting(UnknownSender::messageCount).isEqualTo(2L);
    }

    @Test
    void registeringAnUnknownSendersMacReportsTheAssignmentAndStopsListingIt() {
        List<SenderAssignment> assignments = new CopyOnWriteArrayList<>();
        resolver.onSenderAssigned(assignments::add);
        neighbours.put(SWITCH, SWITCH_MAC);
        resolver.refresh();
        resolver.deviceFor(frame(SWITCH, "2025-03-01T10:00:00Z"));

        Device sw = registry.register(SWITCH_MAC.value(), DeviceDetails.of("sw1", "", "switch", ""));

        assertThat(assignments).containsExactly(new SenderAssignment(SWITCH, new DeviceId("ip-192-0-2-8"), sw.id()));
        assertThat(resolver.unknownSenders()).isEmpty();
        assertThat(resolver.deviceFor(frame(SWITCH, "2025-03-01T10:01:00Z"))).isEqualTo(sw.id());
    }

    @Test
    void aListenerFixedDeviceWins() {
        registry.register("00:1a:2b:3c:4d:5e", DeviceDetails.of("fw1", "", "firewall", "192.0.2.7"));
        RawFrame tailed = new RawFrame(new byte[0], Instant.parse("2025-03-01T10:00:00Z"), FIREWALL, "file:dhcpd", "dhcp-server-1");
        assertThat(resolver.deviceFor(tailed).value()).isEqualTo("dhcp-server-1");
    }

    @Test
    void aRetiredDevicesSendersBecomeUnknownAgain() {
        Device fw = registry.register("00:1a:2b:3c:4d:5e", DeviceDetails.of("fw1", "", "firewall", "192.0.2.7"));
        assertThat(resolver.deviceFor(frame(FIREWALL, "2025-03-01T10:00:00Z"))).isEqualTo(fw.id());
        registry.retire(fw.id());
        assertThat(resolver.deviceFor(frame(FIREWALL, "2025-03-01T10:01:00Z")).value()).isEqualTo("ip-192-0-2-7");
    }
}
