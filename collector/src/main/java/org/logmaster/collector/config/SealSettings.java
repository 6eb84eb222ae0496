package org.logmaster.collector.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * The {@code seal:} section: where the appliance's seal-signing key lives and which RFC 3161
 * time-stamping authority stamps the daily seals and evidence exports. The day boundary is the
 * top-level {@code time-zone}.
 *
 * @param tsa               {@code builtin} (lab TSA on loopback, labelled as not legal evidence), {@code url}
 *                          (an external RFC 3161 TSA at {@code tsaUrl}, optional basic credentials) or
 *                          {@code kamusm} (Kamu SM: {@code tsaUrl}, customer number and password)
 * @param tsaTrustAnchors   PEM file with the external TSA's root certificate(s); verification refuses
 *                          stamps that do not chain to it
 * @param keyDir            folder of {@code appliance.p12}/{@code appliance.pem} and, for the built-in TSA,
 *                          {@code builtin-tsa.p12}; default {@code <data-dir>/keys/seal}
 * @param keyPassword       password of those PKCS#12 files
 * @param lateAfterMinutes  a seal stamped later than this after its day ended is reported as late
 */
public record SealSettings(
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("tsa") String tsa,
        @JsonProperty("tsa-url") String tsaUrl,
        @JsonProperty("tsa-user") String tsaUser,
        @JsonProperty("tsa-password") String tsaPassword,
        @JsonProperty("kamusm-customer-number") Long kamuSmCustomerNumber,
        @JsonProperty("kamusm-password") String kamuSmPassword,
        @JsonProperty("tsa-trust-anchors") Path tsaTrustAnchors,
        @JsonProperty("tsa-timeout-seconds") Integer tsaTimeoutSeconds,
        @JsonProperty("key-dir") Path keyDir,
        @JsonProperty("key-password") String keyPassword,
        @JsonProperty("late-after-minutes") Integer lateAfterMinutes) {
    public static final String BUILTIN = "builtin";
    public static final String URL = "url";
    public static final String KAMUSM = "kamusm";

    public SealSettings {
        enabled = enabled == null || enabled;
        tsa = tsa != null && !tsa.isBlank() ? tsa.strip() : BUILTIN;
        tsaUrl = tsaUrl != null ? tsaUrl.strip() : "";
        keyPassword = keyPassword != null ? keyPassword : "";
        tsaTimeoutSeconds = tsaTimeoutSeconds != null ? tsaTimeoutSeconds : 30;
        lateAfterMinutes = lateAfterMinutes != null ? lateAfterMinutes : 60;
    }

    public static SealSettings defaults() {
        return new SealSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The key folder in force: the configured one, or {@code <dataDir>/keys/seal}. */
    public Path keyDir(Path dataDir) {
        return keyDir != null ? keyDir : dataDir.resolve("keys").resolve("seal");
    }
}
