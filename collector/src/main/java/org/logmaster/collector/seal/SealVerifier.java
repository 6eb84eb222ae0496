package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.logmaster.collector.enrich.DeviceId;

/**
 * Verifies the sealed days of a device, or of all devices, the way an auditor would: for each
 * day the daily file still has the sealed size, line count and SHA-256; the statement's CMS
 * signature holds and comes from a trusted appliance key; the time stamp is granted, signed by a
 * trusted TSA and stamps exactly that day's signature file; and the statement's link to the
 * previous seal still holds. Closed days with a daily file but no seal are reported too.
 */
public final class SealVerifier {
    private static final long MAX_SEAL_FILE_BYTES = 1 << 20;
    private final List<X509Certificate> trustedSigners;
    private final List<X509Certificate> tsaTrustAnchors;

    /**
     * @param trustedSigners  appliance certificates (see {@link ApplianceSigningKey#trustedCertificates}) or
     *                        the CA that issued them
     * @param tsaTrustAnchors root certificates of the TSAs whose stamps are accepted
     */
    public SealVerifier(Collection<X509Certificate> trustedSigners, Collection<X509Certificate> tsaTrustAnchors) {
        this.trustedSigners = List.copyOf(trustedSigners);
        this.tsaTrustAnchors = List.copyOf(tsaTrustAnchors);
    }

    /** Verifies every device folder under {@code <dataDir>/logs}, in device-id order. */
    public List<DeviceVerification> verifyAll(Path dataDir, ZoneId zone, LocalDate today) throws IOException {
        Path logs = dataDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<DeviceVerification> devices = new ArrayList<>();
        try (Stream<Path> folders = Files.list(logs)) {
            for (String name : folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList()) {
                if (DeviceId.isValid(name)) {
                    devices.add(verifyDevice(dataDir, new DeviceId(name), zone, today));
                }
            }
        }
        return devices;
    }

    /**
     * Verifies every day of one device. Days on or after {@code today} (in {@code zone}) are still
     * open and not expected to be sealed.
     */
    public DeviceVerification verifyDevice(Path dataDir, DeviceId device, ZoneId zone, LocalDate today)
            throws IOException {
        Path folder = dataDir.resolve("logs").resolve(device.value());
        if (!Files.isDirectory(folder)) {
            return new DeviceVerification(device, List.of());
        }
        TreeSet<LocalDate> days = DayFiles.days(folder, DayFiles.LOG, DayFiles.LOG_GZ, DayFiles.SEAL,
                DayFiles.SIGNATURE, DayFiles.TIME_STAMP);
        TreeSet<LocalDate> sealedDays = DayFiles.days(folder, DayFiles.SEAL);
        TreeMap<LocalDate, DayVerification> results = new TreeMap<>();
        TreeMap<LocalDate, LocalDate> vanishedLinkedDays = new TreeMap<>();
        for (LocalDate day : days) {
            DayFiles files = new DayFiles(folder, day);
            if (files.isSealed()) {
                results.put(day, verifySealed(device, files, sealedDays, vanishedLinkedDays));
            } else if (day.isBefore(today)) {
                results.put(day, unsealed(device, files));
            }
        }
        vanishedLinkedDays.forEach((gone, linker) -> results.computeIfAbsent(gone, day -> verdict(device, day,
                List.of(new SealProblem(SealProblem.Kind.MISSING_DAY, "the day was sealed (" + linker
                        + " links to its seal) but all its files are gone")))));
        return new DeviceVerification(device, List.copyOf(results.values()));
    }

    private DayVerification verifySealed(DeviceId device, DayFiles files, TreeSet<LocalDate> sealedDays,
                                         TreeMap<LocalDate, LocalDate> vanishedLinkedDays) throws IOException {
        List<SealProblem> problems = new ArrayList<>();
        byte[] statementBytes = readSmall(files.seal());
        SealStatement statement = null;
        try {
            if (statementBytes.length == 0) {
                throw new IllegalArgumentException("empty, or larger than any statement can be");
            }
            statement = SealStatement.parse(statementBytes);
            checkDescribes(statement, device, files, problems);
        } catch (IllegalArgumentException e) {
            problems.add(new SealProblem(SealProblem.Kind.MALFORMED, files.seal().getFileName() + ": " + e.getMessage()));
        }
        if (statement != null) {
            checkLog(statement, files, problems);
        } else if (files.presentLog().isEmpty() && !files.isExpired()) {
            problems.add(new SealProblem(SealProblem.Kind.MISSING_DAY, "the daily file " + files.log().getFileName()
                    + " is gone"));
        }

        byte[] signature = Files.exists(files.signature()) ? readSmall(files.signature()) : null;
        StampFacts stamp = checkTimeStamp(files, signature, problems);

        Optional<String> signer = Optional.empty();
        if (signature == null) {
            problems.add(new SealProblem(SealProblem.Kind.BAD_SIGNATURE, files.signature().getFileName() + " is missing"));
        } else {
            StatementSignature.Check check = StatementSignature.verify(statementBytes, signature, trustedSigners,
                    stamp.time());
            signer = check.signer().map(certificate -> certificate.getSubjectX500Principal().getName());
            check.problem().ifPresent(problems::add);
            if (check.problem().isEmpty() && statement != null && check.signer().isPresent()
                    && !statement.signerFingerprint().equals(Certificates.sha256Fingerprint(check.signer().get()))) {
                problems.add(new SealProblem(SealProblem.Kind.WRONG_KEY, "the statement names signer certificate "
                        + statement.signerFingerprint() + " but was signed with "
                        + Certificates.sha256Fingerprint(check.signer().get())));
            }
        }
        if (statement != null) {
            checkLink(statement, files, sealedDays, problems, vanishedLinkedDays);
        }
        return new DayVerification(device, files.day(), problems, signer, stamp.time(), stamp.tsaName(),
                Optional.ofNullable(statement).map(SealStatement::tsaLabel), stamp.builtIn()
                        || statement != null && statement.tsaLabel().equals(BuiltInTsa.LABEL));
    }

    private static void checkDescribes(SealStatement statement, DeviceId device, DayFiles files,
                                       List<SealProblem> problems) {
        if (!statement.device().equals(device) || !statement.day().equals(files.day())
                || !statement.fileName().equals(files.log().getFileName().toString())) {
            problems.add(new SealProblem(SealProblem.Kind.MALFORMED, "the statement describes " + statement.device()
                    + " " + statement.day() + " (" + statement.fileName() + "), not " + device + " " + files.day()));
        }
    }

    private static void checkLog(SealStatement statement, DayFiles files, List<SealProblem> problems)
            throws IOException {
        if (files.presentLog().isEmpty()) {
            if (!files.isExpired()) {
                problems.add(new SealProblem(SealProblem.Kind.MISSING_DAY, "the daily file " + files.log().getFileName()
                        + " is gone"));
            }
            return;
        }
        Path log = files.presentLog().get();
        LogFileFacts facts = LogFileFacts.of(log, statement.fileSize());
        String found = facts.size() + " bytes and " + facts.lineCount() + " lines";
        String sealed = statement.fileSize() + " bytes and " + statement.lineCount() + " lines";
        if (facts.size() < statement.fileSize()) {
            problems.add(new SealProblem(SealProblem.Kind.TRUNCATED, log.getFileName() + " has " + found
                    + ", sealed with " + sealed));
        } else if (facts.size() > statement.fileSize()) {
            if (!facts.prefixSha256().orElse("").equals(statement.fileSha256())) {
                problems.add(new SealProblem(SealProblem.Kind.CHANGED, "the sealed first " + statement.fileSize()
                        + " bytes of " + log.getFileName() + " no longer have SHA-256 " + statement.fileSha256()));
            }
            problems.add(new SealProblem(SealProblem.Kind.EXTENDED, log.getFileName() + " has " + found
                    + ", sealed with " + sealed + ": " + (facts.lineCount() - statement.lineCount())
                    + " lines were added after sealing"));
        } else if (!facts.sha256().equals(statement.fileSha256())) {
            problems.add(new SealProblem(SealProblem.Kind.CHANGED, log.getFileName() + " has SHA-256 "
                    + facts.sha256() + ", sealed with " + statement.fileSha256() + " (same size, "
                    + (facts.lineCount() == statement.lineCount() ? "same line count"
                    : facts.lineCount() + " lines instead of " + statement.lineCount()) + ")"));
        }
    }

    private record StampFacts(Optional<Instant> time, Optional<String> tsaName, boolean builtIn) {
    }

    private StampFacts checkTimeStamp(DayFiles files, byte[] signature, List<SealProblem> problems) throws IOException {
        String name = files.timeStamp().getFileName().toString();
        if (!Files.exists(files.timeStamp())) {
            problems.add(new SealProblem(SealProblem.Kind.BAD_TIMESTAMP, name + " is missing"));
            return new StampFacts(Optional.empty(), Optional.empty(), false);
        }
        TimeStampToken token;
        try {
            TimeStampResponse response = new TimeStampResponse(readSmall(files.timeStamp()));
            token = response.getTimeStampToken();
            if (token == null || (response.getStatus() != PKIStatus.GRANTED
                    && response.getStatus() != PKIStatus.GRANTED_WITH_MODS)) {
                problems.add(new SealProblem(SealProblem.Kind.BAD_TIMESTAMP, name + " is not a granted time stamp"
                        + " (status " + response.getStatus() + ")"));
                return new StampFacts(Optional.empty(), Optional.empty(), false);
            }
        } catch (org.bouncycastle.tsp.TSPException | IOException | RuntimeException e) {
            problems.add(new SealProblem(SealProblem.Kind.BAD_TIMESTAMP, name + " is not a readable RFC 3161 response: "
                    + e.getMessage()));
            return new StampFacts(Optional.empty(), Optional.empty(), false);
        }
        Optional<Instant> time = Optional.of(token.getTimeStampInfo().getGenTime().toInstant());
        boolean builtIn = BuiltInTsa.POLICY.equals(token.getTimeStampInfo().getPolicy());
        Optional<String> tsaName = tsaName(token);
        try {
            X509Certificate tsaCertificate = TimeStampTokenCheck.checkSignature(token);
            if (tsaName.isEmpty()) {
                tsaName = Optional.of(tsaCertificate.getSubjectX500Principal().getName());
            }
            TimeStampTokenCheck.checkTrusted(token, tsaCertificate, tsaTrustAnchors).ifPresent(reason ->
                    problems.add(new SealProblem(SealProblem.Kind.BAD_TIMESTAMP, name + ": the TSA is not trusted: "
                            + reason)));
            if (signature != null && !TimeStampTokenCheck.imprintMatches(token, signature)) {
                problems.add(new SealProblem(SealProblem.Kind.TOKEN_MISMATCH, name + " (serial "
                        + token.getTimeStampInfo().getSerialNumber() + ", " + time.get()
                        + ") stamps something other than " + files.signature().getFileName()));
            }
        } catch (TimeStampException e) {
            problems.add(new SealProblem(SealProblem.Kind.BAD_TIMESTAMP, name + ": " + e.getMessage()));
        }
        return new StampFacts(time, tsaName, builtIn);
    }

    private static Optional<String> tsaName(TimeStampToken token) {
        GeneralName name = token.getTimeStampInfo().getTsa();
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(name.getTagNo() == GeneralName.directoryName
                ? X500Name.getInstance(name.getName()).toString() : name.getName().toString());
    }

    private static void checkLink(SealStatement statement, DayFiles files, TreeSet<LocalDate> sealedDays,
                                  List<SealProblem> problems, TreeMap<LocalDate, LocalDate> vanishedLinkedDays)
            throws IOException {
        LocalDate sealedBefore = sealedDays.lower(files.day());
        if (statement.previous().isEmpty()) {
            if (sealedBefore != null) {
                problems.add(new SealProblem(SealProblem.Kind.CHAIN_BROKEN, "the statement says it starts the chain,"
                        + " but " + sealedBefore + " is sealed before it"));
            }
            return;
        }
        SealStatement.PreviousSeal previous = statement.previous().get();
        if (!previous.day().isBefore(files.day())) {
            problems.add(new SealProblem(SealProblem.Kind.MALFORMED, "the statement links forward to "
                    + previous.day()));
            return;
        }
        DayFiles previousFiles = new DayFiles(files.folder(), previous.day());
        if (!previousFiles.isSealed()) {
            problems.add(new SealProblem(SealProblem.Kind.MISSING_DAY, "links to the seal of " + previous.day()
                    + ", which no longer exists"));
            vanishedLinkedDays.putIfAbsent(previous.day(), files.day());
        } else {
            String actual = Sha256.hexDigest(readSmall(previousFiles.seal()));
            if (!actual.equals(previous.sha256())) {
                problems.add(new SealProblem(SealProblem.Kind.CHAIN_BROKEN, "links to the seal of " + previous.day()
                        + " with SHA-256 " + previous.sha256() + ", but that seal now has " + actual));
            }
        }
        if (sealedBefore != null && sealedBefore.isAfter(previous.day())) {
            problems.add(new SealProblem(SealProblem.Kind.CHAIN_BROKEN, "links to " + previous.day() + ", but "
                    + sealedBefore + " was sealed in between after the fact"));
        }
    }

    /**
     * Reads a seal file, which is a few kilobytes; a file far larger than that cannot be genuine and
     * is read as empty (and so reported) rather than loaded into memory.
     */
    private static byte[] readSmall(Path file) throws IOException {
        return Files.size(file) > MAX_SEAL_FILE_BYTES ? new byte[0] : Files.readAllBytes(file);
    }

    private static DayVerification unsealed(DeviceId device, DayFiles files) {
        if (files.presentLog().isPresent()) {
            boolean leftovers = Files.exists(files.signature()) || Files.exists(files.timeStamp());
            return verdict(device, files.day(), List.of(new SealProblem(SealProblem.Kind.UNSEALED,
                    files.log().getFileName() + " is closed but has no seal statement"
                            + (leftovers ? " (its signature files exist: the statement was removed or never finished)"
                            : ""))));
        }
        return verdict(device, files.day(), List.of(new SealProblem(SealProblem.Kind.MISSING_DAY,
                "only signature files remain of " + files.day() + ": its statement and daily file are gone")));
    }

    private static DayVerification verdict(DeviceId device, LocalDate day, List<SealProblem> problems) {
        return new DayVerification(device, day, problems, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }
}
