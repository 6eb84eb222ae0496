package org.logmaster.collector.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.store.DeviceDay;

class IndexDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void theDefaultIndexIsAnH2FileInTheDataFolderThatOthersCanOpenToo() {
        IndexConfig config = IndexConfig.h2(dataDir);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/index/logmaster;AUTO_SERVER=TRUE");

        try (IndexDatabase collector = IndexDatabase.open(config)) {
            DeviceDay file = new DeviceDay(new DeviceId("fw-1"), LocalDate.of(2026, 11, 28));
            new EventRepository(collector).store(List.of(new EventRow(file, 0, Instant.parse("2026-11-28T09:00:00Z"),
                    "192.0.2.1", "udp", LogEvent.raw("hello", "test"))), Map.of(file, 42L));

            // what the search command does while the collector runs
            try (IndexDatabase searchCommand = IndexDatabase.open(config)) {
                assertThat(new EventSearch(searchCommand).search(SearchQuery.all().withText("hello")).total()).isEqualTo(1);
                assertThat(new EventRepository(searchCommand).progress()).containsEntry(file, 42L);
            }
        }
    }

    @Test
    void progressIsRecordedAndMovesOn() {
        try (IndexDatabase database = IndexDatabase.open(IndexConfig.h2(dataDir))) {
            EventRepository repository = new EventRepository(database);
            DeviceDay file = new DeviceDay(new DeviceId("fw-1"), LocalDate.of(2026, 11, 28));

            repository.store(List.of(), Map.of(file, 100L));
            repository.store(List.of(), Map.of(file, 250L));

            assertThat(repository.progressOf(file)).isEqualTo(250);
            assertThat(repository.progressOf(new DeviceDay(new DeviceId("fw-2"), LocalDate.of(2026, 11, 28)))).isZero();
        }
    }

    @Test
    void rowsAlreadyIndexedAreSkippedNotDuplicatedWhenProgressWasLost() {
        try (IndexDatabase database = IndexDatabase.open(IndexConfig.h2(dataDir))) {
            EventRepository repository = new EventRepository(database);
            DeviceDay file = new DeviceDay(new DeviceId("fw-1"), LocalDate.of(2026, 11, 28));
            EventRow first = new EventRow(file, 0, Instant.parse("2026-11-28T09:00:00Z"), "192.0.2.1", "udp", LogEvent.raw("a", "t"));
            EventRow second = new EventRow(file, 10, Instant.parse("2026-11-28T09:00:01Z"), "192.0.2.1", "udp", LogEvent.raw("b", "t"));
            repository.store(List.of(first), Map.of());

            repository.store(List.of(first, second), Map.of(file, 20L));

            assertThat(repository.count()).isEqualTo(2);
            assertThat(repository.progressOf(file)).isEqualTo(20);
        }
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> IndexDatabase.open(IndexConfig.of("jdbc:mysql://localhost/x", "u", "p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2");
    }

    @Test
    void anUnreachableDatabaseFailsWithItsAddress() {
        assertThatThrownBy(() -> IndexDatabase.open(new IndexConfig("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "postgres", "", 1)))
                .isInstanceOf(IndexDatabase.IndexUnavailableException.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
