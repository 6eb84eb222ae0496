package org.logmaster.collector.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.logmaster.api.v1.DayState;
import org.logmaster.api.v1.DayStatus;
import org.logmaster.api.v1.DayVerification;
import org.logmaster.api.v1.SealProblem;
import org.logmaster.api.v1.SealProblemKind;
import org.logmaster.api.v1.VerificationState;
import org.logmaster.collector.compliance.SealRecord;
import org.logmaster.collector.enrich.DeviceId;

/** Conversions between the compliance domain and logmaster.v1's compliance messages. */
final class ComplianceMapping {
    private ComplianceMapping() {
    }

    static List<DeviceId> devices(List<String> ids) {
        return ids.stream().map(DeviceId::new).toList();
    }

    /** A yyyy-MM-dd day, or null when empty. */
    static LocalDate day(String text, String field) {
        if (text.isEmpty()) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a yyyy-MM-dd day");
        }
    }

    static DayStatus status(org.logmaster.collector.compliance.DayStatus s) {
        DayStatus.Builder b = DayStatus.newBuilder()
                .setDeviceId(s.device().value())
                .setDay(s.day().toString())
                .setState(switch (s.state()) {
                    case SEALED -> DayState.DAY_STATE_SEALED;
                    case UNSEALED -> DayState.DAY_STATE_UNSEALED;
                    case MISSING -> DayState.DAY_STATE_MISSING;
                    case OPEN -> DayState.DAY_STATE_OPEN;
                    case EXPIRED -> DayState.DAY_STATE_EXPIRED;
                })
                .setLate(s.late());
        s.seal().ifPresent(seal -> {
            b.setSealed(true)
                    .setTimeStamped(seal.tsaTime().isPresent())
                    .setTsaLabel(seal.tsaLabel())
                    .setBuiltinTsa(seal.builtInTsa())
                    .setSignerFingerprint(seal.signerFingerprint())
                    .setLineCount(seal.lineCount())
                    .setFileSha256(seal.fileSha256())
                    .setCompressed(SealRecord.GZIP.equals(seal.storage()))
                    .setVerification(seal.verifiedOk().map(ok -> ok ? VerificationState.VERIFICATION_STATE_OK
                            : VerificationState.VERIFICATION_STATE_FAILED)
                            .orElse(VerificationState.VERIFICATION_STATE_UNSPECIFIED))
                    .setProblem(seal.verifyProblem().orElse(""));
            seal.tsaTime().ifPresent(time -> b.setTsaTime(ProtoMapping.timestamp(time)));
            seal.verifiedAt().ifPresent(time -> b.setVerifiedAt(ProtoMapping.timestamp(time)));
        });
        return b.build();
    }

    static DayVerification verification(org.logmaster.collector.seal.DayVerification v) {
        DayVerification.Builder b = DayVerification.newBuilder()
                .setDeviceId(v.device().value())
                .setDay(v.day().toString())
                .setOk(v.ok())
                .setTsaName(v.tsaName().orElse(""))
                .setSigner(v.signer().orElse(""))
                .setBuiltinTsa(v.builtInTsa());
        v.tsaTime().ifPresent(time -> b.setTsaTime(ProtoMapping.timestamp(time)));
        for (org.logmaster.collector.seal.SealProblem problem : v.problems()) {
            b.addProblems(SealProblem.newBuilder().setKind(kind(problem.kind())).setDetail(problem.detail()));
        }
        return b.build();
    }

    static SealProblemKind kind(org.logmaster.collector.seal.SealProblem.Kind kind) {
        return switch (kind) {
            case CHANGED -> SealProblemKind.SEAL_PROBLEM_KIND_CHANGED;
            case TRUNCATED -> SealProblemKind.SEAL_PROBLEM_KIND_TRUNCATED;
            case EXTENDED -> SealProblemKind.SEAL_PROBLEM_KIND_EXTENDED;
            case MISSING_DAY -> SealProblemKind.SEAL_PROBLEM_KIND_MISSING_DAY;
            case CHAIN_BROKEN -> SealProblemKind.SEAL_PROBLEM_KIND_CHAIN_BROKEN;
            case BAD_SIGNATURE -> SealProblemKind.SEAL_PROBLEM_KIND_BAD_SIGNATURE;
            case WRONG_KEY -> SealProblemKind.SEAL_PROBLEM_KIND_WRONG_KEY;
            case BAD_TIMESTAMP -> SealProblemKind.SEAL_PROBLEM_KIND_BAD_TIMESTAMP;
            case TOKEN_MISMATCH -> SealProblemKind.SEAL_PROBLEM_KIND_TOKEN_MISMATCH;
            case UNSEALED -> SealProblemKind.SEAL_PROBLEM_KIND_UNSEALED;
            case MALFORMED -> SealProblemKind.SEAL_PROBLEM_KIND_MALFORMED;
        };
    }
}
