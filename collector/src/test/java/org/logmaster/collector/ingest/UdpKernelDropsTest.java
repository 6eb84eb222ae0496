package org.logmaster.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdpKernelDropsTest {
    private static final String UDP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              120: 00000000:0202 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 31337 2 0000000000000000 17
              121: 0100007F:0202 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 31338 2 0000000000000000 0
              122: 00000000:0203 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 31339 2 0000000000000000 99
            """;
    private static final String UDP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                7: 00000000000000000000000000000000:0202 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 0000000000000000 5
                8: 00000000000000000000000001000000:0202 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4243 2 0000000000000000 1
            """;

    @BeforeEach
    void theSamplesWereTakenOnALittleEndianMachine() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void parsesAddressPortInodeAndDropsOfEachRow() throws Exception {
        List<UdpKernelDrops.SocketRow> rows = UdpKernelDrops.parse(UDP);

        assertThat(rows).containsExactly(
                new UdpKernelDrops.SocketRow(InetAddress.getByName("0.0.0.0"), 514, 31337, 17),
                new UdpKernelDrops.SocketRow(InetAddress.getByName("127.0.0.1"), 514, 31338, 0),
                new UdpKernelDrops.SocketRow(InetAddress.getByName("0.0.0.0"), 515, 31339, 99));
    }

    @Test
    void parsesIpv6Rows() throws Exception {
        List<UdpKernelDrops.SocketRow> rows = UdpKernelDrops.parse(UDP6);

        assertThat(rows).extracting(UdpKernelDrops.SocketRow::localAddress)
                .containsExactly(InetAddress.getByName("::"), InetAddress.getByName("::1"));
        assertThat(rows).extracting(UdpKernelDrops.SocketRow::drops).containsExactly(5L, 1L);
    }

    @Test
    void linesThatAreNotSocketRowsAreSkipped() {
        assertThat(UdpKernelDrops.parse("garbage\n\n  1: zz:yy\n" + UDP.lines().skip(1).findFirst().orElseThrow()))
                .hasSize(1);
    }

    @Test
    void totalSumsTheDropsOfOurPortOverBothTables(@TempDir Path dir) throws Exception {
        Path udp = Files.writeString(dir.resolve("udp"), UDP);
        Path udp6 = Files.writeString(dir.resolve("udp6"), UDP6);

        assertThat(new UdpKernelDrops(List.of(udp, udp6), 514).total()).hasValue(17 + 5 + 1);
    }

    @Test
    void aMissingTableCountsAsEmpty(@TempDir Path dir) throws Exception {
        Path udp = Files.writeString(dir.resolve("udp"), UDP);

        assertThat(new UdpKernelDrops(List.of(udp, dir.resolve("absent")), 515).total()).hasValue(99);
        assertThat(new UdpKernelDrops(List.of(dir.resolve("absent")), 515).total()).isEmpty();
    }

    @Test
    void theKernelsTableListsABoundSocket() throws Exception {
        assumeTrue(Files.isReadable(UdpKernelDrops.PROC_FILES.getFirst()));
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();

            List<UdpKernelDrops.SocketRow> rows = new UdpKernelDrops(port).sockets();

            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.localAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
                assertThat(row.drops()).isZero();
            });
        }
    }
}
