package org.logmaster.collector.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.IndexedEvent;
import org.logmaster.collector.index.SearchQuery;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.SealFiles;
import org.logmaster.collector.seal.TimeStampException;

/**
 * Writes one evidence bundle for a court as a zip, streamed to its destination: in ETSI ASiC-E
 * layout ({@code mimetype} first and stored, {@code META-INF/manifest.xml},
 * {@code META-INF/signature.p7s}), holding the original daily files of the requested devices
 * and days with their seals, the matching events as CSV and JSON Lines, the certificates, a
 * {@code VERIFY.txt} guide and {@code SHA256SUMS}, all listed with their SHA-256 in
 * {@code manifest.json}; the manifest is signed (detached CMS, CAdES signing-certificate-v2)
 * and the signature time-stamped (RFC 3161). See docs/evidence-format.md.
 */
public final class EvidenceBundle {
    public static final String MIME_TYPE = "application/vnd.etsi.asic-e+zip";
    public static final String FORMAT = "logmaster-evidence/1";
    private static final int PAGE = 1000;

    private final Path dataDir;
    private final ZoneId zone;
    private final SealEnvironment seals;
    private final EventSearch search;
    private final Clock clock;

    public EvidenceBundle(Path dataDir, ZoneId zone, SealEnvironment seals, EventSearch search, Clock clock) {
        this.dataDir = dataDir;
        this.zone = zone;
        this.seals = seals;
        this.search = search;
        this.clock = clock;
    }

    /** What a written bundle holds. */
    public record Summary(int days, long events, String manifestSha256, Instant tsaTime, List<BundleEntry> files) {
    }

    /**
     * Writes the bundle for {@code request} to {@code out} (not closed).
     *
     * @throws TimeStampException when the manifest's signature cannot be time-stamped: no bundle is valid without
     */
    public Summary write(ExportRequest request, OutputStream out) throws IOException, TimeStampException {
        Instant created = clock.instant();
        List<BundleDay> days = new ArrayList<>();
        long events;
        byte[] manifest;
        byte[] signature;
        byte[] stamp;
        Instant tsaTime;
        boolean withTsaCertificate;
        BundleZip zip = new BundleZip(new NonClosing(out));
        try {
            zip.stored("mimetype", MIME_TYPE.getBytes(StandardCharsets.US_ASCII));
            for (DeviceId device : devices(request)) {
                addDays(zip, device, request, days);
            }
            events = addExtract(zip, request);
            withTsaCertificate = addCertificates(zip);
            zip.add("VERIFY.txt", VerifyGuide.text(request, seals.key().fingerprint(), seals.tsa().label(),
                    seals.tsa().isBuiltIn(), withTsaCertificate, days).getBytes(StandardCharsets.UTF_8));
            zip.add("SHA256SUMS", sums(zip.entries()).getBytes(StandardCharsets.UTF_8));
            manifest = manifest(request, created, days, events, zip.entries());
            zip.addUnlisted("manifest.json", manifest);
            signature = seals.signDetached(manifest, created);
            var reply = seals.tsa().timeStamp(signature);
            stamp = reply.responseBytes();
            tsaTime = reply.time();
            zip.addUnlisted("META-INF/manifest.xml", asicManifest(zip.entries()).getBytes(StandardCharsets.UTF_8));
            zip.addUnlisted("META-INF/signature.p7s", signature);
            zip.addUnlisted("META-INF/signature.tsr", stamp);
        } finally {
            zip.close();
        }
        return new Summary(days.size(), events, Digests.sha256Hex(manifest), tsaTime,
                zip.entries());
    }

    private List<DeviceId> devices(ExportRequest request) throws IOException {
        return request.devices().isEmpty() ? SealFiles.devices(dataDir) : request.devices();
    }

    private void addDays(BundleZip zip, DeviceId device, ExportRequest request, List<BundleDay> days)
            throws IOException {
        LocalDate first = LocalDate.ofInstant(request.from(), zone);
        LocalDate last = LocalDate.ofInstant(request.to().minusNanos(1), zone);
        TreeSet<LocalDate> present = new TreeSet<>(SealFiles.logDays(dataDir, device));
        present.addAll(SealFiles.sealedDays(dataDir, device));
        for (LocalDate day : present.subSet(first, true, last, true)) {
            List<Path> files = SealFiles.dayFiles(dataDir, device, day);
            List<String> paths = new ArrayList<>();
            String log = null;
            boolean sealed = false;
            for (Path file : files) {
                String name = file.getFileName().toString();
                String path = "days/" + device.value() + "/" + name;
                try (InputStream in = Files.newInputStream(file)) {
                    zip.add(path, in, Files.size(file));
                }
                paths.add(path);
                if (name.endsWith(".log") || name.endsWith(".log.gz")) log = path;
                if (name.endsWith(".seal")) sealed = true;
            }
            days.add(new BundleDay(device, day, log, sealed, paths));
        }
    }

    private long addExtract(BundleZip zip, ExportRequest request) throws IOException {
        SearchQuery query = SearchQuery.all().withDevices(request.devices())
                .withTimeRange(request.from(), request.to()).withText(request.text()).withPage(PAGE, 0);
        long upToId = search.lastId();
        IpMention ips = new IpMention(request.ips());
        long[] count = new long[1];
        zip.add("extract/events.csv", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ExtractWriter.csvHeader(writer);
            count[0] = forEachEvent(query, upToId, ips, event -> ExtractWriter.csv(event, writer));
            writer.flush();
        });
        zip.add("extract/events.jsonl", out -> forEachEvent(query, upToId, ips, event -> ExtractWriter.jsonLine(event, out)));
        return count[0];
    }

    private interface EventSink {
        void accept(IndexedEvent event) throws IOException;
    }

    /** Pages through the matches oldest first, up to a fixed id so both formats hold the same events. */
    private long forEachEvent(SearchQuery query, long upToId, IpMention ips, EventSink sink) throws IOException {
        long count = 0;
        EventSearch.Position after = null;
        while (true) {
            List<IndexedEvent> page = search.page(query, upToId, EventSearch.Order.OLDEST_FIRST, after);
            for (IndexedEvent event : page) {
                if (ips.matches(event)) {
                    sink.accept(event);
                    count++;
                }
            }
            if (page.size() < query.limit()) {
                return count;
            }
            after = EventSearch.Position.of(page.getLast());
        }
    }

    /** @return whether the TSA's own certificate is in the bundle (openssl's {@code -untrusted}) */
    private boolean addCertificates(BundleZip zip) throws IOException {
        zip.add("certificates/appliance.pem", Files.readAllBytes(seals.key().certificateFile()));
        zip.add("certificates/tsa-root.pem", seals.tsaTrustAnchorsPem().getBytes(StandardCharsets.US_ASCII));
        for (Path file : seals.certificateFiles()) {
            if (file.getFileName().toString().equals("tsa.pem")) {
                zip.add("certificates/tsa.pem", Files.readAllBytes(file));
                return true;
            }
        }
        return false;
    }

    private static String sums(List<BundleEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (BundleEntry entry : entries) {
            text.append(entry.sha256()).append("  ").append(entry.path()).append('\n');
        }
        return text.toString();
    }

    private byte[] manifest(ExportRequest request, Instant created, List<BundleDay> days, long events,
                            List<BundleEntry> files) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("case_number", request.caseNumber());
        m.put("requester", request.requester());
        m.put("reason", request.reason());
        m.put("created", created.toString());
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("devices", request.devices().stream().map(DeviceId::value).toList());
        filters.put("from", request.from().toString());
        filters.put("to", request.to().toString());
        filters.put("text", request.text());
        filters.put("ips", request.ips());
        m.put("filters", filters);
        m.put("time_zone", zone.getId());
        m.put("appliance_certificate_sha256", seals.key().fingerprint());
        m.put("tsa", seals.tsa().label());
        m.put("builtin_tsa", seals.tsa().isBuiltIn());
        m.put("events", events);
        List<Map<String, Object>> dayList = new ArrayList<>();
        for (BundleDay day : days) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("device", day.device().value());
            d.put("day", day.day().toString());
            d.put("sealed", day.sealed());
            d.put("log", day.log());
            dayList.add(d);
        }
        m.put("days", dayList);
        List<Map<String, Object>> fileList = new ArrayList<>();
        for (BundleEntry file : files) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", file.path());
            f.put("sha256", file.sha256());
            f.put("size", file.size());
            fileList.add(f);
        }
        m.put("files", fileList);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
    }

    /** The OpenDocument-style manifest ASiC-E allows beside the signature; lists every file with its type. */
    private static String asicManifest(List<BundleEntry> entries) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\n"
                + " <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + MIME_TYPE + "\"/>\n"
                + " <manifest:file-entry manifest:full-path=\"manifest.json\" manifest:media-type=\"application/json\"/>\n");
        for (BundleEntry entry : entries) {
            xml.append(" <manifest:file-entry manifest:full-path=\"").append(entry.path())
                    .append("\" manifest:media-type=\"").append(mediaType(entry.path())).append("\"/>\n");
        }
        return xml.append("</manifest:manifest>\n").toString();
    }

    private static String mediaType(String path) {
        if (path.endsWith(".p7s")) return "application/pkcs7-signature";
        if (path.endsWith(".tsr")) return "application/timestamp-reply";
        if (path.endsWith(".pem")) return "application/x-pem-file";
        if (path.endsWith(".gz")) return "application/gzip";
        if (path.endsWith(".csv")) return "text/csv";
        if (path.endsWith(".jsonl")) return "application/jsonl";
        return "text/plain";
    }

    /** The caller's stream stays open: a gRPC call or an HTTP response may have more to send. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
