package org.logmaster.collector.cli;

import java.nio.file.Path;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.config.ConfigLoader;
import org.logmaster.collector.index.IndexConfig;
import org.logmaster.collector.index.IndexDatabase;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command that reads the configuration. */
final class ConfigOption {
    static final String DEFAULT = "/etc/logmaster/collector.yaml";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = DEFAULT,
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    CollectorConfig load() throws ConfigException {
        return new ConfigLoader().load(file);
    }

    /** The configured index, opened (and migrated) as the collector opens it. */
    static IndexDatabase openIndex(CollectorConfig config) {
        return IndexDatabase.open(IndexConfig.of(config.indexUrl(), config.index().user(), config.index().password()));
    }
}
