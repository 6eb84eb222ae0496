package org.logmaster.collector.cli;

import java.nio.file.Path;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.config.ConfigLoader;
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
}
