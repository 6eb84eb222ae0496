package org.logmaster.collector.apitest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's python3 with python3-grpcio and python3-grpc-tools, which run the documented API
 * example (docs/examples/logmaster_client.py). Where they are missing the calling test is skipped
 * with a visible message (releng/lib/test-env.sh installs them), except on CI (CI=true), where
 * that is a failure.
 */
public final class DebianPython {
    /** The documented example client. */
    public static final Path EXAMPLE = Path.of("..", "docs", "examples", "logmaster_client.py").toAbsolutePath().normalize();

    private DebianPython() {}

    /** The interpreter's path; aborts (or, on CI, fails) the test when there is none with gRPC. */
    public static String find() throws InterruptedException {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import grpc, grpc_tools.protoc").redirectErrorStream(true).start();
                if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        String why = "python3-grpcio / python3-grpc-tools not installed (apt-get install python3-grpcio python3-grpc-tools); "
                + "the Python example is not exercised";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: it must run)");
        }
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
        return null;
    }
}
