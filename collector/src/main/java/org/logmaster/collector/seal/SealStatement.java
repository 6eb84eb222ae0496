package org.logmaster.collector.seal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.logmaster.collector.enrich.DeviceId;

/**
 * The {@code <day>.seal} statement: a short UTF-8 text that says which file was sealed, what it
 * looked like, and which seal came before it. It is the thing that is signed and time-stamped,
 * so an auditor can read what was vouched for without any LogMaster tool. One "Key: value" per
 * line, in the fixed order of {@link #KEYS}, each line ending in LF.
 */
public record SealStatement(DeviceId device, LocalDate day, ZoneId zone, String fileName, long fileSize,
                            long lineCount, String fileSha256, Optional<PreviousSeal> previous, Instant sealedAt,
                            String signerFingerprint, String tsaLabel) {
    public static final String FORMAT = "logmaster-seal/1";
    public static final String NONE = "none";
    static final List<String> KEYS = List.of("Format", "Device", "Day", "Time-Zone", "File", "File-Size",
            "Line-Count", "File-SHA-256", "Previous-Seal-Day", "Previous-Seal-SHA-256", "Sealed-At",
            "Signer-Certificate-SHA-256", "TSA");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The seal this one is chained to: its day and the SHA-256 of its statement file. */
    public record PreviousSeal(LocalDate day, String sha256) {
        public PreviousSeal {
            requireSha256(sha256, "previous seal digest");
        }
    }

    public SealStatement {
        requireSha256(fileSha256, "file digest");
        requireSha256(signerFingerprint, "signer fingerprint");
        if (fileSize < 0 || lineCount < 0) {
            throw new IllegalArgumentException("file size and line count cannot be negative");
        }
        tsaLabel = tsaLabel.replaceAll("[\\r\\n]+", " ").strip();
    }

    public byte[] toBytes() {
        StringBuilder text = new StringBuilder();
        List<String> values = List.of(FORMAT, device.value(), day.toString(), zone.getId(), fileName,
                Long.toString(fileSize), Long.toString(lineCount), fileSha256,
                previous.map(p -> p.day().toString()).orElse(NONE), previous.map(PreviousSeal::sha256).orElse(NONE),
                sealedAt.toString(), signerFingerprint, tsaLabel);
        for (int i = 0; i < KEYS.size(); i++) {
            text.append(KEYS.get(i)).append(": ").append(values.get(i)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a statement written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is not such a statement
     */
    public static SealStatement parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("statement does not end with a line feed");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalArgumentException("not a 'Key: value' line: '" + line + "'");
            }
            order.add(line.substring(0, colon));
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        if (!order.equals(KEYS)) {
            throw new IllegalArgumentException("statement keys " + order + " are not " + KEYS);
        }
        if (!FORMAT.equals(fields.get("Format"))) {
            throw new IllegalArgumentException("unknown statement format " + fields.get("Format"));
        }
        try {
            String previousDay = fields.get("Previous-Seal-Day");
            String previousSha = fields.get("Previous-Seal-SHA-256");
            if (previousDay.equals(NONE) != previousSha.equals(NONE)) {
                throw new IllegalArgumentException("previous seal day and digest must both be 'none' or both be set");
            }
            Optional<PreviousSeal> previous = previousDay.equals(NONE) ? Optional.empty()
                    : Optional.of(new PreviousSeal(LocalDate.parse(previousDay), previousSha));
            return new SealStatement(new DeviceId(fields.get("Device")), LocalDate.parse(fields.get("Day")),
                    ZoneId.of(fields.get("Time-Zone")), fields.get("File"), Long.parseLong(fields.get("File-Size")),
                    Long.parseLong(fields.get("Line-Count")), fields.get("File-SHA-256"), previous,
                    Instant.parse(fields.get("Sealed-At")), fields.get("Signer-Certificate-SHA-256"), fields.get("TSA"));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("bad statement value: " + e.getMessage(), e);
        }
    }

    private static void requireSha256(String value, String what) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not 64 lower-case hex digits: " + value);
        }
    }
}
