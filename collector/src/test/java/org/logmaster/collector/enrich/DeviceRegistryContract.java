package org.logmaster.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.index.schema.Tables.DEVICES;
import static org.logmaster.collector.index.schema.Tables.DEVICE_ALIASES;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.collector.apitest.TestClock;
import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.index.DeviceAlias;
import org.logmaster.collector.store.TestFrames;

/** Device registration rules, run against H2 and PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceRegistryContract {
    private TestDatabase database;
    private DeviceRegistry registry;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(kind());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void empty() {
        database.dsl().deleteFrom(DEVICES).execute();
        database.dsl().deleteFrom(DEVICE_ALIASES).execute();
        registry = new DeviceRegistry(database.dsl(), new TestClock());
    }

    private static DeviceDetails details(String name, String staticIp) {
        return DeviceDetails.of(name, "rack 3", "firewall", staticIp);
    }

    @Test
    void registrationNormalizesTheMacAndDerivesTheId() {
        Device device = registry.register("00-1A-2B-3C-4D-5E", details("fw1", "192.0.2.7"));
        assertThat(device.mac().value()).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(device.id().value()).isEqualTo("mac-001a2b3c4d5e");
        assertThat(device.staticIp().getHostAddress()).isEqualTo("192.0.2.7");
        assertThat(registry.list(false)).containsExactly(device);
    }

    @Test
    void anInvalidMacIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> registry.register("00:1a:2b:3c:4d", details("fw1", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.list(true)).isEmpty();
    }

    @Test
    void detailsAreValidated() {
        assertThatThrownBy(() -> DeviceDetails.of(" ", "", "", "")).hasMessageContaining("name is required");
        assertThatThrownBy(() -> DeviceDetails.of("fw\u0000", "", "", "")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> DeviceDetails.of("x".repeat(129), "", "", "")).hasMessageContaining("longer than 128");
        assertThatThrownBy(() -> DeviceDetails.of("fw", "", "", "fw.example")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> DeviceDetails.of("fw", "", "", "224.0.0.1")).hasMessageContaining("cannot identify");
    }

    @Test
    void aMacCannotBeRegisteredTwice() {
        registry.register("00:1a:2b:3c:4d:5e", details("fw1", ""));
        assertThatThrownBy(() -> registry.register("001a.2b3c.4d5e", details("fw2", "")))
                .isInstanceOf(DeviceConflictException.class).hasMessageContaining("fw1");
    }

    @Test
    void twoActiveDevicesCannotShareAStaticIp() {
        registry.register("00:1a:2b:3c:4d:5e", details("fw1", "192.0.2.7"));
        assertThatThrownBy(() -> registry.register("00:1a:2b:3c:4d:60", details("fw2", "192.0.2.7")))
                .isInstanceOf(DeviceConflictException.class).hasMessageContaining("192.0.2.7");
    }

    @Test
    void updateReplacesTheDetailsButNeverTheIdOrMac() {
        Device device = registry.register("00:1a:2b:3c:4d:5e", details("fw1", "192.0.2.7"));
        Device updated = registry.update(device.id(), DeviceDetails.of("edge firewall", "DC 2", "router", ""));
        assertThat(updated.id()).isEqualTo(device.id());
        assertThat(updated.mac()).isEqualTo(device.mac());
        assertThat(updated.name()).isEqualTo("edge firewall");
        assertThat(updated.staticIp()).isNull();
    }

    @Test
    void updatingAnUnknownDeviceSaysSo() {
        assertThatThrownBy(() -> registry.update(new DeviceId("mac-001122334455"), details("x", "")))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aRetiredDeviceIsListedOnlyOnRequestAndComesBackWhenItsMacIsRegisteredAgain() {
        Device device = registry.register("00:1a:2b:3c:4d:5e", details("fw1", ""));
        Device retired = registry.retire(device.id());
        assertThat(retired.active()).isFalse();
        assertThat(registry.list(false)).isEmpty();
        assertThat(registry.list(true)).containsExactly(retired);
        assertThatThrownBy(() -> registry.update(device.id(), details("x", ""))).isInstanceOf(IllegalStateException.class);

        Device back = registry.register("00:1a:2b:3c:4d:5e", details("fw1 again", ""));
        assertThat(back.id()).isEqualTo(device.id());
        assertThat(back.active()).isTrue();
        assertThat(back.name()).isEqualTo("fw1 again");
    }

    @Test
    void listenersHearOfEveryChange() {
        AtomicInteger changes = new AtomicInteger();
        registry.addChangeListener(changes::incrementAndGet);
        Device device = registry.register("00:1a:2b:3c:4d:5e", details("fw1", ""));
        registry.update(device.id(), details("fw1b", ""));
        registry.retire(device.id());
        assertThat(changes).hasValue(3);
    }

    private static final Instant T1 = Instant.parse("2026-11-28T09:00:00Z");
    private static final DeviceId UNKNOWN = new DeviceId("ip-192-0-2-7");
    private static final DeviceId FW1 = new DeviceId("mac-001a2b3c4d5e");
    private static final DeviceId FW2 = new DeviceId("mac-001a2b3c4d5f");

    private static SenderAssignment assigned(DeviceId device) {
        return new SenderAssignment(TestFrames.ip("192.0.2.7"), UNKNOWN, device);
    }

    @Test
    void anAssignedSendersFormerIdIsTheDevicesAliasUntilTheAssignment() {
        DeviceAliasStore aliases = new DeviceAliasStore(database.dsl());

        assertThat(aliases.record(assigned(FW1), T1)).isTrue();

        assertThat(aliases.of(List.of(FW1))).containsExactly(new DeviceAlias(FW1, UNKNOWN, null, T1));
        assertThat(aliases.of(List.of(FW2))).isEmpty();
    }

    @Test
    void theSameAssignmentReportedAgainOnlyMovesItsEndForward() {
        DeviceAliasStore aliases = new DeviceAliasStore(database.dsl());
        aliases.record(assigned(FW1), T1);

        assertThat(aliases.record(assigned(FW1), T1.plusSeconds(60))).isFalse();
        assertThat(aliases.record(assigned(FW1), T1)).isFalse();

        assertThat(aliases.of(List.of(FW1))).containsExactly(new DeviceAlias(FW1, UNKNOWN, null, T1.plusSeconds(60)));
    }

    @Test
    void anAddressAssignedToOneDeviceThenAnotherSplitsItsHistoryBetweenThem() {
        DeviceAliasStore aliases = new DeviceAliasStore(database.dsl());
        aliases.record(assigned(FW1), T1);
        aliases.record(assigned(FW2), T1.plusSeconds(3600));

        assertThat(aliases.of(List.of(FW1))).containsExactly(new DeviceAlias(FW1, UNKNOWN, null, T1));
        assertThat(aliases.of(List.of(FW2))).containsExactly(new DeviceAlias(FW2, UNKNOWN, T1, T1.plusSeconds(3600)));
        assertThat(aliases.of(List.of(FW1, FW2))).hasSize(2);
    }
}
