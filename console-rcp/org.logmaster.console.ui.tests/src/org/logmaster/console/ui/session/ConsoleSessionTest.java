package org.logmaster.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;

class ConsoleSessionTest {

    @Test
    void connectingToAClosedPortReportsUnreachableToTheCallerAndTheListeners() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ConsoleSession session = new ConsoleSession();
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        session.addStatusListener(status -> seen.add(status.state()));
        CompletableFuture<ConnectionStatus> outcome = new CompletableFuture<>();

        session.connect(ConnectionSettings.plaintext("127.0.0.1", closedPort), outcome::complete);

        assertThat(outcome.get(30, TimeUnit.SECONDS).state()).isEqualTo(ConnectionState.UNREACHABLE);
        assertThat(seen).containsSubsequence(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                ConnectionState.UNREACHABLE);
        assertThat(session.status().state()).isEqualTo(ConnectionState.UNREACHABLE);
        session.close();
        assertThat(session.status().state()).isEqualTo(ConnectionState.DISCONNECTED);
    }
}
