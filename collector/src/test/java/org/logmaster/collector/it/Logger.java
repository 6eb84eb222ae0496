package org.logmaster.collector.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** util-linux {@code logger}, the real syslog sender of the integration tests. */
final class Logger {
    private Logger() {}

    static void send(int port, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("logger", "-n", "127.0.0.1", "-P", Integer.toString(port)));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("logger " + cmd + " failed: " + out);
        }
    }
}
