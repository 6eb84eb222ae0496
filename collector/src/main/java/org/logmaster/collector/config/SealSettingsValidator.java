package org.logmaster.collector.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;

/** Checks the {@code seal:} and {@code archive:} sections; every message names the key. */
final class SealSettingsValidator {
    private final String source;

    SealSettingsValidator(String source) {
        this.source = source;
    }

    void validate(SealSettings seal, ArchiveSettings archive) throws ConfigException {
        switch (seal.tsa()) {
            case SealSettings.BUILTIN -> { }
            case SealSettings.URL -> {
                url(seal.tsaUrl());
                if ((seal.tsaUser() == null) != (seal.tsaPassword() == null)) {
                    fail("seal.tsa-user", "give both seal.tsa-user and seal.tsa-password, or neither");
                }
            }
            case SealSettings.KAMUSM -> {
                url(seal.tsaUrl());
                if (seal.kamuSmCustomerNumber() == null || seal.kamuSmCustomerNumber() <= 0) {
                    fail("seal.kamusm-customer-number", "is required with seal.tsa: kamusm (your Kamu SM customer number)");
                }
                if (seal.kamuSmPassword() == null || seal.kamuSmPassword().isEmpty()) {
                    fail("seal.kamusm-password", "is required with seal.tsa: kamusm");
                }
            }
            default -> fail("seal.tsa", "must be builtin, url or kamusm (was '" + seal.tsa() + "')");
        }
        if (!SealSettings.BUILTIN.equals(seal.tsa()) && seal.tsaTrustAnchors() == null) {
            fail("seal.tsa-trust-anchors", "is required with seal.tsa: " + seal.tsa() + ": a PEM file with the TSA's"
                    + " root certificate, without which no stamp of it can be verified");
        }
        if (seal.tsaTrustAnchors() != null && !Files.isReadable(seal.tsaTrustAnchors())) {
            fail("seal.tsa-trust-anchors", seal.tsaTrustAnchors() + " is not a readable PEM file");
        }
        range("seal.tsa-timeout-seconds", seal.tsaTimeoutSeconds(), 1, 600);
        range("seal.late-after-minutes", seal.lateAfterMinutes(), 0, 7 * 24 * 60);
        range("archive.compress-after-days", archive.compressAfterDays(), 0, 100 * 365);
        range("archive.retention-days", archive.retentionDays(), 1, 100 * 365);
        if (archive.compressAfterDays() > 0 && archive.compressAfterDays() >= archive.retentionDays()) {
            fail("archive.compress-after-days", "must be less than archive.retention-days ("
                    + archive.retentionDays() + "), or 0 for never");
        }
    }

    private void url(String value) throws ConfigException {
        if (value.isEmpty()) {
            fail("seal.tsa-url", "is required with this seal.tsa");
        }
        try {
            URI uri = new URI(value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                fail("seal.tsa-url", "must be an http or https URL (was '" + value + "')");
            }
        } catch (URISyntaxException e) {
            fail("seal.tsa-url", "is not a URL: " + e.getMessage());
        }
    }

    private void range(String key, int value, int min, int max) throws ConfigException {
        if (value < min || value > max) fail(key, "must be " + min + ".." + max + " (was " + value + ")");
    }

    private void fail(String key, String problem) throws ConfigException {
        throw new ConfigException(source + ": " + key + ": " + problem);
    }
}
