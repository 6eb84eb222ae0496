package org.logmaster.collector.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.logmaster.collector.enrich.DeviceId;

/** Checks values that the YAML types alone cannot; every message names the key. */
final class ConfigValidator {
    private final String source;

    ConfigValidator(String source) {
        this.source = source;
    }

    void validate(CollectorConfig c) throws ConfigException {
        zone("time-zone", c.timeZone());
        port("listeners.udp.port", c.listeners().udp().port());
        port("listeners.tcp.port", c.listeners().tcp().port());
        port("listeners.tls.port", c.listeners().tls().port());
        atLeast("listeners.udp.receive-buffer-bytes", c.listeners().udp().receiveBufferBytes(), 65536);
        atLeast("listeners.tcp.max-connections", c.listeners().tcp().maxConnections(), 1);
        atLeast("listeners.tcp.idle-timeout-seconds", c.listeners().tcp().idleTimeoutSeconds(), 0);
        atLeast("listeners.tls.max-connections", c.listeners().tls().maxConnections(), 1);
        range("listeners.max-message-bytes", c.listeners().maxMessageBytes(), 480, 16 * 1024 * 1024);
        atLeast("storage.queue-capacity", c.storage().queueCapacity(), 1024);
        range("storage.max-batch", c.storage().maxBatch(), 1, c.storage().queueCapacity());
        if (c.listeners().tcp().enabled() && c.listeners().tls().enabled()
                && c.listeners().tcp().port().equals(c.listeners().tls().port())
                && c.listeners().tcp().bind().equals(c.listeners().tls().bind())) {
            fail("listeners.tls.port", "must differ from listeners.tcp.port (both are " + c.listeners().tls().port() + ")");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < c.listeners().files().size(); i++) {
            var f = c.listeners().files().get(i);
            String key = "listeners.files[" + i + "]";
            if (f.name() == null || !DeviceId.isValid(f.name())) {
                fail(key + ".name", "must be 1-64 of a-z 0-9 . _ - (was '" + f.name() + "')");
            }
            if (!names.add(f.name())) {
                fail(key + ".name", "'" + f.name() + "' is used twice");
            }
            if (f.path() == null) {
                fail(key + ".path", "is required");
            }
            if (f.device() == null || !DeviceId.isValid(f.device())) {
                fail(key + ".device", "must be a device id: 1-64 of a-z 0-9 . _ - (was '" + f.device() + "')");
            }
        }
        api(c.api());
        new SealSettingsValidator(source).validate(c.seal(), c.archive());
        new AlertsValidator(source).validate(c.alerts(), c.metrics());
        String url = c.index().url();
        if (!url.isEmpty() && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            fail("index.url", "must be a jdbc:h2: or jdbc:postgresql: URL, or empty for the embedded default");
        }
        if (c.parsing().defaultSenderZone() != null) {
            zone("parsing.default-sender-zone", c.parsing().defaultSenderZone());
        }
        for (Map.Entry<String, String> e : c.parsing().senderZones().entrySet()) {
            zone("parsing.sender-zones." + e.getKey(), e.getValue());
        }
    }

    private void api(CollectorConfig.Api api) throws ConfigException {
        port("api.port", api.port());
        range("api.session-minutes", api.sessionMinutes(), 1, 7 * 24 * 60);
        range("api.max-failed-logins", api.maxFailedLogins(), 1, 1000);
        range("api.lockout-minutes", api.lockoutMinutes(), 0, 7 * 24 * 60);
        range("api.tail-buffer-events", api.tailBufferEvents(), 100, 1_000_000);
        if (api.enabled() && !api.tls() && !isLoopback(api.bind())) {
            fail("api.tls", "plaintext (tls: false) sends passwords, tokens and logs readable; it is allowed only on a "
                    + "loopback address, for tests (api.bind is " + api.bind() + ")");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void zone(String key, String value) throws ConfigException {
        try {
            ZoneId.of(value);
        } catch (DateTimeException e) {
            fail(key, "'" + value + "' is not a time zone (use a region id such as Europe/Istanbul, or UTC)");
        }
    }

    private void port(String key, int value) throws ConfigException {
        range(key, value, 0, 65535);
    }

    private void atLeast(String key, int value, int min) throws ConfigException {
        if (value < min) fail(key, "must be at least " + min + " (was " + value + ")");
    }

    private void range(String key, int value, int min, int max) throws ConfigException {
        if (value < min || value > max) fail(key, "must be " + min + ".." + max + " (was " + value + ")");
    }

    private void fail(String key, String problem) throws ConfigException {
        throw new ConfigException(source + ": " + key + ": " + problem);
    }
}
