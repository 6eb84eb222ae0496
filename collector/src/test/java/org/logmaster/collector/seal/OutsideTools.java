package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tools an auditor has on a machine without LogMaster (Debian's openssl and coreutils'
 * sha256sum), with exactly the commands docs/evidence-format.md gives.
 */
final class OutsideTools {
    static final String OPENSSL = "/usr/bin/openssl";

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private OutsideTools() {
    }

    /** {@code openssl cms -verify -binary -content DAY.seal -in DAY.seal.p7s -inform DER -CAfile appliance.pem -purpose any -out /dev/null} */
    static Result cmsVerify(DayFiles day, Path appliancePem) throws IOException {
        return run(day.folder(), OPENSSL, "cms", "-verify", "-binary", "-content", name(day.seal()),
                "-in", name(day.signature()), "-inform", "DER", "-CAfile", appliancePem.toString(),
                "-purpose", "any", "-out", "/dev/null");
    }

    /** {@code openssl ts -verify -data DAY.seal.p7s -in DAY.seal.tsr -CAfile tsa-root.pem -untrusted tsa.pem} */
    static Result tsVerify(DayFiles day, Path tsaRootPem, Path tsaPem) throws IOException {
        return run(day.folder(), OPENSSL, "ts", "-verify", "-data", name(day.signature()), "-in",
                name(day.timeStamp()), "-CAfile", tsaRootPem.toString(), "-untrusted", tsaPem.toString());
    }

    /**
     * Runs the verify-device.sh script exactly as docs/evidence-format.md prints it, over one
     * device folder.
     */
    static Result auditorScript(Path deviceFolder, Path appliancePem, Path tsaRootPem, Path tsaPem) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "evidence-format.md"), StandardCharsets.UTF_8);
        String opening = "```sh\n#!/bin/sh\n# verify-device.sh";
        int start = doc.indexOf(opening);
        if (start < 0) {
            throw new AssertionError("docs/evidence-format.md no longer holds the verify-device.sh script");
        }
        start += "```sh\n".length();
        String script = doc.substring(start, doc.indexOf("\n```", start) + 1);
        Path file = Files.createTempFile(deviceFolder.getParent(), "verify-device", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return run(deviceFolder, "/bin/sh", file.toString(), deviceFolder.toString(),
                appliancePem.toAbsolutePath().toString(), tsaRootPem.toAbsolutePath().toString(),
                tsaPem.toAbsolutePath().toString());
    }

    /** The digest {@code sha256sum FILE} prints. */
    static String sha256sum(Path file) throws IOException {
        Result result = run(file.getParent(), "sha256sum", name(file));
        if (!result.succeeded()) {
            return "sha256sum failed: " + result.output();
        }
        return result.output().substring(0, 64);
    }

    /** A value of the statement as an auditor reads it: the text after "Key: " on its line. */
    static String statementValue(Path seal, String key) throws IOException {
        for (String line : Files.readAllLines(seal, StandardCharsets.UTF_8)) {
            if (line.startsWith(key + ": ")) {
                return line.substring(key.length() + 2);
            }
        }
        throw new AssertionError(seal + " has no " + key);
    }

    static Result run(Path folder, String... command) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(process.exitValue(), output);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
