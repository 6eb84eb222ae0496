package org.logmaster.collector.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} in the Prometheus text format with the JDK's own HTTP server, on
 * the configured (by default loopback) address. Nothing else is served; no request body is read.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("metrics-http").daemon().factory());

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Binds and starts; port 0 in {@code address} picks a free port (tests). */
    public static MetricsServer start(String bind, int port, CollectorMetrics metrics) throws IOException {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 16);
        } catch (java.net.BindException e) {
            throw new IOException("metrics.port: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose a free port, or 0 to switch the metrics endpoint off", e);
        }
        MetricsServer s = new MetricsServer(http);
        http.createContext("/metrics", exchange -> s.handle(exchange, metrics));
        http.createContext("/", exchange -> reply(exchange, 404, "try /metrics\n"));
        http.setExecutor(s.executor);
        http.start();
        log.info("metrics on http://{}:{}/metrics", bind, http.getAddress().getPort());
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, CollectorMetrics metrics) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            reply(exchange, 405, "GET only\n");
            return;
        }
        String text;
        try {
            text = metrics.scrape();
        } catch (RuntimeException e) {
            log.warn("metrics scrape failed: {}", e.toString());
            reply(exchange, 500, "scrape failed\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        reply(exchange, 200, text);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
