package org.logmaster.collector.apitest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.logmaster.collector.enrich.DeviceAliasStore;
import org.logmaster.collector.enrich.DeviceResolver;
import org.logmaster.collector.index.EventRepository;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.index.Indexer;
import org.logmaster.collector.index.IndexerOptions;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.parse.SyslogParser;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.GroupCommitWriter;
import org.logmaster.collector.store.TestFrames;
import org.logmaster.collector.store.WriterOptions;

/**
 * The data path behind LogService, as the collector assembles it: the group-commit writer filing
 * frames with the given resolver into daily files in a temporary folder, the indexer, and search
 * that knows the devices' former ids.
 */
public final class LogPipeline implements AutoCloseable {
    private final Path folder;
    private final CounterRegistry counters = new CounterRegistry();
    private final Indexer indexer;
    private final GroupCommitWriter writer;
    private final EventSearch search;
    private final EventRepository repository;

    LogPipeline(IndexDatabase index, DeviceResolver resolver) {
        try {
            folder = Files.createTempDirectory("logmaster-test-data");
            DailyFileLayout layout = new DailyFileLayout(folder, ZoneOffset.UTC);
            repository = new EventRepository(index);
            indexer = new Indexer(layout, repository, new SyslogParser(ZoneOffset.UTC), counters, IndexerOptions.defaults());
            indexer.start();
            writer = new GroupCommitWriter(layout, resolver, counters, WriterOptions.defaults());
            writer.addAppendListener(indexer);
            writer.start();
            search = new EventSearch(index, new DeviceAliasStore(index.dsl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A syslog message from {@code senderIp}, received over UDP at {@code arrival}. */
    public void send(String message, Instant arrival, String senderIp) throws InterruptedException {
        writer.put(TestFrames.frame(message, arrival, senderIp));
    }

    /** Waits until the index holds {@code rows} rows. */
    public void awaitIndexed(long rows) throws InterruptedException {
        TestFrames.await(rows + " rows indexed", () -> repository.count() >= rows);
    }

    public Indexer indexer() {
        return indexer;
    }

    public EventSearch search() {
        return search;
    }


    @Override
    public void close() throws Exception {
        writer.close();
        indexer.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
