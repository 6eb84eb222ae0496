package org.logmaster.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.index.IndexConfig;
import org.logmaster.collector.index.IndexDatabase;

class RegisteredDeviceTypesTest {
    @TempDir
    Path data;
    private IndexDatabase index;
    private DeviceRegistry registry;
    private RegisteredDeviceTypes types;

    @BeforeEach
    void open() {
        index = IndexDatabase.open(IndexConfig.h2(data));
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
        registry = new DeviceRegistry(index.dsl(), clock);
        types = new RegisteredDeviceTypes(index.dsl(), clock, Duration.ofMinutes(1));
        registry.addChangeListener(types::invalidate);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aRegisteredDeviceHasItsTypeAndAnUnknownOneNone() {
        Device fw = registry.register("00:11:22:33:44:55", new DeviceDetails("fw", "rack 1", "fortigate", null));

        assertThat(types.apply(fw.id())).isEqualTo("fortigate");
        assertThat(types.apply(new DeviceId("ip-192-0-2-7"))).isNull();
    }

    @Test
    void aChangeInTheRegistryIsSeenAtOnceThoughTheCacheIsYoung() {
        Device fw = registry.register("00:11:22:33:44:55", new DeviceDetails("fw", "rack 1", "fortigate", null));
        assertThat(types.apply(fw.id())).isEqualTo("fortigate");

        registry.update(fw.id(), new DeviceDetails("fw", "rack 1", "cisco-asa", null));
        assertThat(types.apply(fw.id())).isEqualTo("cisco-asa");
        registry.retire(fw.id());

        assertThat(types.apply(fw.id())).as("retired devices have no hint").isNull();
    }
}
