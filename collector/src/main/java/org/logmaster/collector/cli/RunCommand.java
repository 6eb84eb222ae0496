package org.logmaster.collector.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.logmaster.collector.auth.UserStore;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.ingest.ListenerBindException;
import org.logmaster.collector.ingest.SocketListener;
import org.logmaster.collector.service.Collector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

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
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                System.out.println("stopping: storing what was received");
                collector.close();
                System.out.println("collector stopped");
                stopped.countDown();
            } else {
                awaitQuietly(stopped); // a second trigger (the exit after a signal) waits for the first
            }
        };
        // SIGTERM (systemd, kill) and SIGINT (Ctrl-C) run the stop before the JVM's shutdown hooks
        // start: H2's own hook closed the embedded index while the stop still indexed and audited
        // ("Database is already closed"), and AUTO_SERVER forbids DB_CLOSE_ON_EXIT=FALSE. The hook
        // stays for every other way the JVM ends.
        for (String signal : new String[] { "TERM", "INT" }) {
            Signal.handle(new Signal(signal), received -> stop.run());
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(stop));
        printWhereItListens(collector);
        System.out.println("collector ready");
        stopped.await();
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
