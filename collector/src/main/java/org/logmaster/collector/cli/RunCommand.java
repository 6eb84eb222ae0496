package org.logmaster.collector.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.logmaster.collector.auth.UserStore;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.ingest.ListenerBindException;
import org.logmaster.collector.ingest.SocketListener;
import org.logmaster.collector.service.Collector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the collector in the foreground until SIGTERM/SIGINT, then stops gracefully. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the collector: listen, store, index. Stops gracefully on SIGTERM or Ctrl-C.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        CollectorConfig cfg;
        try {
            cfg = config.load();
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        Collector collector;
        try {
            collector = Collector.start(cfg, config.file);
        } catch (ListenerBindException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            System.out.println("stopping: storing what was received");
            collector.close();
            System.out.println("collector stopped");
            stopped.countDown();
        }));
        printWhereItListens(collector);
        System.out.println("collector ready");
        stopped.await();
        return 0;
    }

    private static void printWhereItListens(Collector collector) {
        CollectorConfig cfg = collector.config();
        for (var l : collector.listeners()) {
            if (l instanceof SocketListener s) {
                String bind = switch (s.name()) {
                    case "udp" -> cfg.listeners().udp().bind();
                    case "tcp" -> cfg.listeners().tcp().bind();
                    default -> cfg.listeners().tls().bind();
                };
                System.out.printf("listening: %s %s:%d%n", s.name(), bind, s.localPort());
            } else {
                System.out.println("listening: " + l.name());
            }
        }
        if (collector.tlsFingerprint() != null) {
            System.out.println("tls certificate SHA-256 fingerprint: " + collector.tlsFingerprint());
        }
        if (collector.apiPort() >= 0) {
            System.out.printf("listening: grpc %s:%d (%s)%n", cfg.api().bind(), collector.apiPort(),
                    collector.apiTls() ? "TLS" : "PLAINTEXT, for tests only");
            if (collector.apiFingerprint() != null) {
                System.out.println("api certificate SHA-256 fingerprint: " + collector.apiFingerprint());
                System.out.println("api certificate: " + cfg.apiKeystore().toAbsolutePath());
            }
            if (new UserStore(collector.index().dsl()).count() == 0) {
                System.out.println("no API user yet: `logmaster-collector init --config FILE` creates the first administrator");
            }
        }
        System.out.println("daily files: " + cfg.dataDir().resolve("logs").toAbsolutePath());
        System.out.println("index: " + describeIndex(cfg));
        System.out.println("day boundary time zone: " + cfg.zone());
    }

    private static String describeIndex(CollectorConfig cfg) {
        String url = cfg.indexUrl();
        return url.startsWith("jdbc:h2:") ? "embedded H2 " + url.substring("jdbc:h2:file:".length()).replace(";AUTO_SERVER=TRUE", "")
                : url.replaceAll("//[^@/]*@", "//");
    }
}
