package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.AuditEntry;
import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.ListUnknownSendersRequest;
import org.logmaster.api.v1.QueryAuditRequest;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.SearchResponse;
import org.logmaster.api.v1.SortOrder;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.api.v1.VerifyAuditRequest;
import org.logmaster.collector.apitest.DebianPython;
import org.logmaster.collector.store.DailyLine;

/**
 * What a new operator does on the first day, against the real collector process: {@code init}
 * prints the first administrator's password, a gRPC client pins the printed certificate
 * fingerprint and logs in over TLS, tails live messages that {@code logger} sends, searches
 * them, registers the sending device by MAC (static IP 127.0.0.1, as loopback has no neighbour
 * entry), and the audit trail shows each of these actions and verifies.
 */
class ApiEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern ADMIN = Pattern.compile("administrator: admin / password: (\\S+)");

    @TempDir
    static Path data;
    static CollectorProcess collector;
    static DailyFiles files;
    static String initOutput;
    static String adminPassword;
    static ApiClient admin;

    @BeforeAll
    static void startCollectorAndCreateTheAdministrator() throws Exception {
        collector = CollectorProcess.start(data);
        files = new DailyFiles(data);
        initOutput = collector.cli("init");
        Matcher m = ADMIN.matcher(initOutput);
        assertThat(m.find()).as(initOutput).isTrue();
        adminPassword = m.group(1);
        admin = ApiClient.connect(collector.apiPort, collector.apiFingerprint()).login("admin", adminPassword);
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) admin.close();
        if (collector != null) collector.close();
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void send(String text) throws Exception {
        Logger.send(collector.udpPort, "-d", "--rfc5424", "-t", "e2e", "-p", "user.notice", text);
    }

    private static Event nextEvent(TailClient tail, Duration timeout) throws Exception {
        TailResponse item = tail.next(timeout);
        if (item == null) return null;
        assertThat(item.hasEvent()).as("no gap for a client that reads: " + item).isTrue();
        return item.getEvent();
    }

    private static List<Event> allPages(EventFilter filter, int pageSize) {
        List<Event> events = new ArrayList<>();
        SearchRequest request = SearchRequest.newBuilder().setFilter(filter).setPageSize(pageSize)
                .setOrder(SortOrder.SORT_ORDER_OLDEST_FIRST).build();
        while (true) {
            SearchResponse page = admin.logs().search(request);
            events.addAll(page.getEventsList());
            if (page.getNextPageToken().isEmpty()) return events;
            request = request.toBuilder().setPageToken(page.getNextPageToken()).build();
        }
    }

    private static List<AuditEntry> audit() {
        return admin.admin().queryAudit(QueryAuditRequest.newBuilder().setPageSize(1000).build()).getEntriesList();
    }

    @Test
    void initPrintsTheFirstAdministratorsPasswordOnceAndAuditsIt() throws Exception {
        assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(12);

        String again = collector.cli("init");

        assertThat(again).contains("keeping " + collector.config).doesNotContain("administrator:").doesNotContain(adminPassword);
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("collector.init");
            assertThat(e.getTarget()).isEqualTo("admin");
            assertThat(e.getDetails()).doesNotContain(adminPassword);
        });
    }

    @Test
    void runPrintsWhereTheApiListensAndTheFingerprintOfItsCertificateFile() throws Exception {
        assertThat(collector.output()).contains("listening: grpc 127.0.0.1:" + collector.apiPort + " (TLS)");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("keys").resolve("api-tls.p12"))) {
            store.load(in, new char[0]);
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        String expected = java.util.HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        assertThat(collector.apiFingerprint()).isEqualTo(expected);
    }

    @Test
    void healthIsServingAndNeedsNoLogin() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(admin.channel()).check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void anOperatorTailsSearchesAndRegistersTheSenderAndTheAuditTrailShowsEachStep() throws Exception {
        String m = marker();
        EventFilter byText = EventFilter.newBuilder().setText(m).build();
        TailClient tail = admin.tail(TailRequest.newBuilder().setFilter(byText).build(), true);

        // the stream subscribes as it starts: send until the first message comes through it
        int sentBefore = 0;
        Event first = null;
        while (first == null && sentBefore < 30) {
            send(m + " before " + sentBefore++);
            first = nextEvent(tail, Duration.ofSeconds(1));
        }
        assertThat(first).as("a message sent by logger reaches the live tail").isNotNull();
        for (int i = 0; i < 3; i++) send(m + " live " + i);
        for (int i = 0; i < 3; i++) {
            Event live = nextEvent(tail, WAIT);
            assertThat(live).isNotNull();
            assertThat(live.getMessage()).isEqualTo(m + " live " + i);
            assertThat(live.getDeviceId()).isEqualTo("ip-127-0-0-1");
            assertThat(live.getAppName()).isEqualTo("e2e");
        }
        int unregistered = sentBefore + 3;

        List<Event> found = allPages(byText, 2);
        assertThat(found).hasSize(unregistered);
        assertThat(found).extracting(Event::getId).doesNotHaveDuplicates().isSorted();
        assertThat(admin.logs().search(SearchRequest.newBuilder().setFilter(byText).setPageSize(1).build()).getTotalCount())
                .isEqualTo(unregistered);

        List<UnknownSender> unknown = admin.devices().listUnknownSenders(ListUnknownSendersRequest.getDefaultInstance()).getSendersList();
        assertThat(unknown).anySatisfy(s -> {
            assertThat(s.getAddress()).isEqualTo("127.0.0.1");
            assertThat(s.getDeviceId()).isEqualTo("ip-127-0-0-1");
        });
        String deviceId = admin.devices().register(RegisterDeviceRequest.newBuilder().setMac("02:00:00:00:00:01")
                .setName("loopback sender").setLocation("test rack").setDeviceType("server").setStaticIp("127.0.0.1").build())
                .getDevice().getId();
        assertThat(deviceId).isEqualTo("mac-020000000001");

        for (int i = 0; i < 2; i++) send(m + " registered " + i);
        for (int i = 0; i < 2; i++) {
            Event registered = nextEvent(tail, WAIT);
            assertThat(registered).isNotNull();
            assertThat(registered.getMessage()).isEqualTo(m + " registered " + i);
            assertThat(registered.getDeviceId()).isEqualTo(deviceId);
        }
        tail.cancel();

        // the old daily files stay where they were; a search by the device covers both
        List<Event> ofDevice = allPages(byText.toBuilder().addDeviceIds(deviceId).build(), 100);
        assertThat(ofDevice).hasSize(unregistered + 2);
        assertThat(withMarker(files.linesOf("ip-127-0-0-1"), m)).hasSize(unregistered);
        assertThat(withMarker(files.linesOf(deviceId), m)).hasSize(2);
        assertThat(withMarker(files.lines(), m)).hasSize(unregistered + 2);

        List<AuditEntry> trail = audit();
        assertThat(trail).anySatisfy(e -> assertEntry(e, "logmaster.v1.AuthService/Login", "admin", "OK"));
        assertThat(trail).anySatisfy(e -> {
            assertEntry(e, "logmaster.v1.LogService/Tail", "admin", "STARTED");
            assertThat(e.getDetails()).contains(m);
        });
        assertThat(trail).anySatisfy(e -> {
            assertEntry(e, "logmaster.v1.LogService/Search", "admin", "OK");
            assertThat(e.getDetails()).contains(m);
            assertThat(e.getRemoteAddress()).startsWith("127.0.0.1:");
        });
        assertThat(trail).anySatisfy(e -> {
            assertEntry(e, "logmaster.v1.DeviceService/Register", "admin", "OK");
            assertThat(e.getTarget()).isEqualTo(deviceId);
        });
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("collector.assign-sender");
            assertThat(e.getTarget()).isEqualTo(deviceId);
            assertThat(e.getDetails()).contains("127.0.0.1").contains("ip-127-0-0-1");
        });

        assertThat(admin.admin().verifyAudit(VerifyAuditRequest.getDefaultInstance()).getIntact()).isTrue();
        CollectorProcess.CliRun verified = collector.cliRun("verify-audit");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("audit trail intact");
    }

    @Test
    void theDocumentedPythonExampleTailsAndSearchesTheLiveCollector() throws Exception {
        String python = DebianPython.find();
        String m = marker();
        Path tailOutput = data.resolve("python-tail-" + m + ".out");
        Process tail = python(python, tailOutput, "--tail", "--text", m, "--count", "3");

        // the script compiles the API and logs in first: send until it has printed three messages
        int sent = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (tail.isAlive() && System.nanoTime() < deadline) {
            send(m + " python " + sent++);
            Thread.sleep(500);
        }
        assertThat(tail.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the tail stops after --count 3").isTrue();
        String tailed = Files.readString(tailOutput);
        assertThat(tail.exitValue()).as(tailed).isZero();
        assertThat(eventLines(tailed, m)).hasSize(3);
        assertThat(tailed).contains("tail: resume with --resume-from ");

        int all = sent;
        SearchRequest count = SearchRequest.newBuilder().setFilter(EventFilter.newBuilder().setText(m)).setPageSize(1).build();
        long indexDeadline = System.nanoTime() + WAIT.toNanos();
        while (admin.logs().search(count).getTotalCount() < all && System.nanoTime() < indexDeadline) Thread.sleep(100);
        Path searchOutput = data.resolve("python-search-" + m + ".out");
        Process search = python(python, searchOutput, "--search", m);
        assertThat(search.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String found = Files.readString(searchOutput);
        assertThat(search.exitValue()).as(found).isZero();
        assertThat(found).contains("search: " + all + " messages contain");
        assertThat(eventLines(found, m)).hasSize(all);
    }

    private static Process python(String python, Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, DebianPython.EXAMPLE.toString(),
                "--address", "127.0.0.1:" + collector.apiPort, "--username", "admin",
                "--fingerprint", collector.apiFingerprint()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LOGMASTER_PASSWORD", adminPassword);
        return builder.start();
    }

    /** The script's lines for stored messages ("  2026-...Z device SEVERITY app: text") carrying the marker. */
    private static List<String> eventLines(String output, String marker) {
        return output.lines().filter(l -> l.matches("  \\d{4}-.*") && l.contains(marker)).toList();
    }

    private static void assertEntry(AuditEntry e, String action, String username, String outcome) {
        assertThat(e.getAction()).isEqualTo(action);
        assertThat(e.getUsername()).isEqualTo(username);
        assertThat(e.getOutcome()).isEqualTo(outcome);
    }

    private static List<DailyLine> withMarker(List<DailyLine> lines, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        return lines.stream().filter(l -> DailyFiles.indexOf(l.raw(), m) >= 0).toList();
    }
}
