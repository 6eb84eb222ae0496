package org.logmaster.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeighbourTableTest {
    private static final String PROC_NET_ARP = """
            IP address       HW type     Flags       HW address            Mask     Device
            192.0.2.1        0x1         0x2         00:1a:2b:3c:4d:5e     *        eth0
            192.0.2.9        0x1         0x0         00:00:00:00:00:00     *        eth0
            192.0.2.10       0x1         0x6         00:1A:2B:3C:4D:5F     *        eth1
            garbage line
            """;

    @Test
    void completeArpEntriesAreRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("arp");
        Files.writeString(file, PROC_NET_ARP);
        Map<java.net.InetAddress, MacAddress> entries = new NeighbourTable(List.of(NeighbourTable.procNetArp(file))).read();
        assertThat(entries).containsOnly(
                Map.entry(IpLiterals.parse("192.0.2.1"), MacAddress.parse("00:1a:2b:3c:4d:5e")),
                Map.entry(IpLiterals.parse("192.0.2.10"), MacAddress.parse("00:1a:2b:3c:4d:5f")));
    }

    @Test
    void ipNeighOutputGivesIpv6NeighboursAndSkipsFailedOnes() {
        var entries = NeighbourTable.parseIpNeigh("""
                192.0.2.1 dev eth0 lladdr 00:1a:2b:3c:4d:5e REACHABLE
                2001:db8::1 dev eth0 lladdr 00:1a:2b:3c:4d:60 router STALE
                192.0.2.3 dev eth0  FAILED
                192.0.2.4 dev eth0 lladdr 00:1a:2b:3c:4d:61 INCOMPLETE
                """);
        assertThat(entries).containsOnlyKeys(IpLiterals.parse("192.0.2.1"), IpLiterals.parse("2001:db8::1"));
        assertThat(entries.get(IpLiterals.parse("2001:db8::1")).value()).isEqualTo("00:1a:2b:3c:4d:60");
    }

    @Test
    void anUnreadableSourceIsSkippedAndTheOthersStillCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("arp");
        Files.writeString(file, PROC_NET_ARP);
        NeighbourTable table = new NeighbourTable(List.of(NeighbourTable.procNetArp(dir.resolve("missing")), NeighbourTable.procNetArp(file)));
        assertThat(table.read()).hasSize(2);
    }

    @Test
    void theSystemTableCanBeReadOnThisMachine() {
        assertThat(NeighbourTable.system().read()).allSatisfy((ip, mac) -> assertThat(mac.value()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
    }
}
