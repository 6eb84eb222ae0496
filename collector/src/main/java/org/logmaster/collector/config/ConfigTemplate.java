package org.logmaster.collector.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The documented default configuration file that {@code init} writes. */
public final class ConfigTemplate {
    private ConfigTemplate() {}

    public static String render(Path dataDir, String timeZone, int udpPort, int tcpPort, int tlsPort) {
        return render(dataDir, timeZone, udpPort, tcpPort, tlsPort, CollectorConfig.Api.DEFAULT_PORT);
    }

    public static String render(Path dataDir, String timeZone, int udpPort, int tcpPort, int tlsPort, int apiPort) {
        return template()
                .replace("${API_PORT}", Integer.toString(apiPort))
                .replace("${DATA_DIR}", dataDir.toAbsolutePath().normalize().toString())
                .replace("${TIME_ZONE}", timeZone)
                .replace("${UDP_PORT}", Integer.toString(udpPort))
                .replace("${TCP_PORT}", Integer.toString(tcpPort))
                .replace("${TLS_PORT}", Integer.toString(tlsPort));
    }

    private static String template() {
        try (InputStream in = ConfigTemplate.class.getResourceAsStream("default-collector.yaml")) {
            if (in == null) throw new IllegalStateException("default-collector.yaml missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
