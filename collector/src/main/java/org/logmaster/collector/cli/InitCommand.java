package org.logmaster.collector.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.logmaster.collector.audit.AuditEvent;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.auth.AuthSettings;
import org.logmaster.collector.auth.Authenticator;
import org.logmaster.collector.auth.PasswordHasher;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.config.ConfigLoader;
import org.logmaster.collector.config.ConfigTemplate;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.service.SealSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a documented default configuration (or keeps the existing one), creates the data folder
 * and the index, and creates the first administrator of the API when there is no user yet,
 * printing the generated password once. Running it again changes nothing.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a documented default configuration file (an existing one is kept), create the data folder "
                + "and the index, and create the API's first administrator, whose generated password is printed once."})
final class InitCommand implements Callable<Integer> {
    static final String ACTION = "collector.init";

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
    @Option(names = "--api-port", defaultValue = "6515", description = "gRPC API port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--force", description = "Overwrite an existing configuration file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        CollectorConfig config;
        try {
            config = Files.exists(configFile) && !force ? keep() : write();
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        if (config == null) return 1;
        Files.createDirectories(config.dataDir());
        System.out.println("data folder " + config.dataDir().toAbsolutePath());
        createSealKeys(config);
        try (IndexDatabase index = ConfigOption.openIndex(config)) {
            bootstrapAdministrator(index);
        } catch (IndexDatabase.IndexUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            return 4;
        }
        return 0;
    }

    private CollectorConfig keep() throws ConfigException {
        CollectorConfig config = new ConfigLoader().load(configFile);
        System.out.println("keeping " + configFile.toAbsolutePath() + " (pass --force to overwrite it)");
        return config;
    }

    private CollectorConfig write() throws ConfigException, IOException {
        String text = ConfigTemplate.render(dataDir, timeZone, udpPort, tcpPort, tlsPort, apiPort);
        CollectorConfig config = new ConfigLoader().parse(text, configFile.toString());
        Path parent = configFile.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            if (force) {
                Files.writeString(configFile, text);
            } else {
                Files.writeString(configFile, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            System.err.println("error: " + configFile + " was created meanwhile; run init again to keep it");
            return null;
        }
        System.out.println("wrote " + configFile.toAbsolutePath());
        return config;
    }

    /** The seal-signing key (and the built-in TSA's), only when absent: a key is never replaced here. */
    private static void createSealKeys(CollectorConfig config) throws IOException {
        var key = SealSetup.createKeys(config);
        System.out.println("seal-signing certificate " + key.certificateFile().toAbsolutePath()
                + " (SHA-256 " + key.fingerprint() + ")");
    }

    /** The first administrator, only while there is no user; the password is shown here and never again. */
    private static void bootstrapAdministrator(IndexDatabase index) {
        Clock clock = Clock.systemUTC();
        Authenticator authenticator = new Authenticator(index.dsl(), new PasswordHasher(), AuthSettings.DEFAULTS, clock);
        Optional<Authenticator.InitialCredentials> created = authenticator.bootstrapAdministrator();
        if (created.isEmpty()) return;
        new AuditTrail(index.dsl(), clock).append(new AuditEvent(null, null, ACTION, created.get().username(), AuditEvent.OK,
                "first administrator created by `init`, run by " + System.getProperty("user.name") + " on " + hostName()));
        System.out.println("administrator: " + created.get().username() + " / password: " + created.get().password());
        System.out.println("  (shown only this once: note it, log in through the API and change it)");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this machine";
        }
    }
}
