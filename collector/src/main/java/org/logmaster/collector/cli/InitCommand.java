package org.logmaster.collector.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.config.ConfigLoader;
import org.logmaster.collector.config.ConfigTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a documented default configuration and creates the data folder. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a documented default configuration file and create the data folder.")
final class InitCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = ConfigOption.DEFAULT,
            description = "Configuration file to write (default: ${DEFAULT-VALUE}).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "/var/lib/logmaster",
            description = "Data folder: daily files, seals, keys, embedded index (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Day boundary zone (default: the system zone).")
    String timeZone = ZoneId.systemDefault().getId();

    @Option(names = "--udp-port", defaultValue = "514") int udpPort;
    @Option(names = "--tcp-port", defaultValue = "514") int tcpPort;
    @Option(names = "--tls-port", defaultValue = "6514") int tlsPort;

    @Option(names = "--force", description = "Overwrite an existing configuration file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        String text = ConfigTemplate.render(dataDir, timeZone, udpPort, tcpPort, tlsPort);
        try {
            new ConfigLoader().parse(text, configFile.toString());
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        Path parent = configFile.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            if (force) {
                Files.writeString(configFile, text);
            } else {
                Files.writeString(configFile, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            System.err.println("error: " + configFile + " exists; keep it, or pass --force to overwrite it");
            return 1;
        }
        Files.createDirectories(dataDir);
        System.out.println("wrote " + configFile.toAbsolutePath());
        System.out.println("data folder " + dataDir.toAbsolutePath());
        return 0;
    }
}
