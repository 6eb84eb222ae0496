package org.logmaster.console.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.logmaster.api.v1.ExportSummary;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Checks a saved evidence bundle on this machine, independently of the collector that made it:
 * that every file is what {@code SHA256SUMS} and {@code manifest.json} say, that nothing is in the
 * zip that neither lists, that the manifest is the one the collector reported, and that the
 * signature and time stamp are there, and ({@link BundleSignatureCheck}) that the signature over the
 * manifest was made with the key of {@code certificates/appliance.pem} and the time stamp covers the
 * signature. Whether that key and the TSA are the trusted ones is still for {@code openssl} and the
 * commands in the bundle's {@code VERIFY.txt} (docs/evidence-format.md): evidence must verify with
 * tools nobody here wrote.
 */
public final class EvidenceBundleCheck {

    /** One check: its name, whether it passed, and what was found. */
    public record Check(String name, boolean passed, String detail) {
    }

    static final String MANIFEST = "manifest.json";
    static final String SUMS = "SHA256SUMS";
    static final String SIGNATURE = "META-INF/signature.p7s";
    static final String TIME_STAMP = "META-INF/signature.tsr";
    static final String APPLIANCE_CERTIFICATE = "certificates/appliance.pem";

    private EvidenceBundleCheck() {
    }

    /** All checks, in order; a bundle that cannot be read at all gives one failed check. */
    public static List<Check> check(Path bundle, ExportSummary summary) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        MessageDigest sha256 = sha256();
                        long size = 0;
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) > 0;) {
                            sha256.update(buffer, 0, n);
                            size += n;
                        }
                        digests.put(entry.getName(), sha256.digest());
                        sizes.put(entry.getName(), size);
                    }
                }
            }
            String sums = new String(read(zip, SUMS), StandardCharsets.UTF_8);
            byte[] manifestBytes = read(zip, MANIFEST);
            JsonObject manifest = JsonParser.parseString(new String(manifestBytes, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            byte[] signature = readIfPresent(zip, SIGNATURE);
            List<Check> checks = new ArrayList<>();
            checks.add(manifestIsTheReportedOne(digests, summary));
            checks.add(sumsMatch(sums, digests));
            checks.add(manifestMatches(manifest, digests, sizes));
            checks.add(nothingUnlisted(manifest, digests));
            checks.add(signaturePresent(sizes));
            checks.add(BundleSignatureCheck.signature(manifestBytes, signature, readIfPresent(zip, APPLIANCE_CERTIFICATE)));
            checks.add(BundleSignatureCheck.timeStamp(signature, readIfPresent(zip, TIME_STAMP)));
            return checks;
        } catch (IOException | RuntimeException e) {
            return List.of(new Check("bundle readable", false, "cannot read " + bundle + " as a bundle: " + e.getMessage()));
        }
    }

    /** True when every check passed. */
    public static boolean allPassed(List<Check> checks) {
        return checks.stream().allMatch(Check::passed);
    }

    private static Check manifestIsTheReportedOne(Map<String, byte[]> digests, ExportSummary summary) {
        String actual = hex(digests.get(MANIFEST));
        return actual.equalsIgnoreCase(summary.getManifestSha256())
                ? new Check("manifest is the one the collector reported", true, "SHA-256 " + actual)
                : new Check("manifest is the one the collector reported", false,
                        "manifest.json has SHA-256 " + actual + ", the collector reported " + summary.getManifestSha256());
    }

    private static Check sumsMatch(String sums, Map<String, byte[]> digests) {
        String name = "every file matches SHA256SUMS";
        int lines = 0;
        for (String line : sums.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            int gap = line.indexOf("  ");
            String expected = gap < 0 ? "" : line.substring(0, gap);
            String path = gap < 0 ? line : line.substring(gap + 2);
            byte[] actual = digests.get(path);
            if (actual == null) {
                return new Check(name, false, path + " is listed but not in the bundle");
            }
            if (!hex(actual).equalsIgnoreCase(expected)) {
                return new Check(name, false, path + " has SHA-256 " + hex(actual) + ", SHA256SUMS says " + expected);
            }
        }
        return new Check(name, true, lines + " files");
    }

    private static Check manifestMatches(JsonObject manifest, Map<String, byte[]> digests, Map<String, Long> sizes) {
        String name = "every file matches manifest.json (size and SHA-256)";
        int files = 0;
        for (JsonElement element : manifest.getAsJsonArray("files")) {
            JsonObject file = element.getAsJsonObject();
            String path = file.get("path").getAsString();
            files++;
            if (!digests.containsKey(path)) {
                return new Check(name, false, path + " is in the manifest but not in the bundle");
            }
            if (sizes.get(path) != file.get("size").getAsLong()) {
                return new Check(name, false, path + " has " + sizes.get(path) + " bytes, the manifest says "
                        + file.get("size").getAsLong());
            }
            if (!hex(digests.get(path)).equalsIgnoreCase(file.get("sha256").getAsString())) {
                return new Check(name, false, path + " has SHA-256 " + hex(digests.get(path)) + ", the manifest says "
                        + file.get("sha256").getAsString());
            }
        }
        return new Check(name, true, files + " files");
    }

    /** Only the ASiC container files and the signature may be outside the manifest's list. */
    private static Check nothingUnlisted(JsonObject manifest, Map<String, byte[]> digests) {
        List<String> listed = new ArrayList<>(List.of("mimetype", MANIFEST, SIGNATURE, TIME_STAMP, "META-INF/manifest.xml"));
        manifest.getAsJsonArray("files").forEach(file -> listed.add(file.getAsJsonObject().get("path").getAsString()));
        List<String> extra = digests.keySet().stream().filter(path -> !listed.contains(path)).toList();
        return extra.isEmpty() ? new Check("nothing in the bundle that the manifest does not list", true, "")
                : new Check("nothing in the bundle that the manifest does not list", false, "not listed: " + extra);
    }

    private static Check signaturePresent(Map<String, Long> sizes) {
        boolean present = sizes.getOrDefault(SIGNATURE, 0L) > 0 && sizes.getOrDefault(TIME_STAMP, 0L) > 0;
        return new Check("signature and time stamp present", present, present
                ? "check them with openssl as VERIFY.txt says (cms -verify, ts -verify)"
                : "META-INF/signature.p7s or META-INF/signature.tsr is missing or empty");
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(name + " is missing");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** The entry's bytes, or null when the bundle has no such entry (a check then says so). */
    private static byte[] readIfPresent(ZipFile zip, String name) throws IOException {
        return zip.getEntry(name) == null ? null : read(zip, name);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hex(byte[] digest) {
        return digest == null ? "(missing)" : HexFormat.of().formatHex(digest);
    }
}
