package org.logmaster.collector.api;

import io.grpc.stub.StreamObserver;
import java.time.Instant;
import org.logmaster.api.v1.AttributionServiceGrpc;
import org.logmaster.api.v1.Candidate;
import org.logmaster.api.v1.EvidenceLine;
import org.logmaster.api.v1.Finding;
import org.logmaster.api.v1.FindingKind;
import org.logmaster.api.v1.SealStatus;
import org.logmaster.api.v1.WhoHadRequest;
import org.logmaster.api.v1.WhoHadResponse;
import org.logmaster.collector.attribution.Evidence;
import org.logmaster.collector.attribution.EvidenceLines;
import org.logmaster.collector.attribution.WhoHadQuery;

/** AttributionService over {@link WhoHadQuery}: the request checked, the report translated. */
public final class AttributionGrpcService extends AttributionServiceGrpc.AttributionServiceImplBase {
    private final WhoHadQuery query;

    public AttributionGrpcService(WhoHadQuery query) {
        this.query = query;
    }

    @Override
    public void whoHad(WhoHadRequest request, StreamObserver<WhoHadResponse> response) {
        Integer port = request.getPort() == 0 ? null : request.getPort();
        CallContext.audit().target(request.getIp() + (port == null ? "" : " port " + port));
        if (request.getIp().isBlank()) throw new IllegalArgumentException("ip is required");
        if (!request.hasAt()) throw new IllegalArgumentException("at is required");
        if (request.getPort() > 65_535) throw new IllegalArgumentException("port must be 1..65535");
        Instant at = ProtoMapping.instant(true, request.getAt());
        WhoHadQuery.Report report = query.ask(request.getIp(), port, at);
        WhoHadResponse.Builder b = WhoHadResponse.newBuilder();
        for (var c : report.attribution().candidates()) {
            Candidate.Builder cb = Candidate.newBuilder()
                    .setIp(c.ip())
                    .setPort(c.port() == null ? 0 : c.port())
                    .setMac(ProtoMapping.nullToEmpty(c.mac()))
                    .setClientHost(ProtoMapping.nullToEmpty(c.clientHost()))
                    .setLabel(ProtoMapping.nullToEmpty(c.label()))
                    .addAllUsers(c.users());
            c.evidence().forEach(e -> cb.addEvidence(line(report, e)));
            b.addCandidates(cb);
        }
        for (var f : report.attribution().findings()) {
            Finding.Builder fb = Finding.newBuilder().setKind(kind(f.kind())).setDetail(f.detail());
            f.evidence().forEach(e -> fb.addEvidence(line(report, e)));
            b.addFindings(fb);
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    private static EvidenceLine line(WhoHadQuery.Report report, Evidence e) {
        EvidenceLines.Line line = report.line(e);
        EvidenceLine.Builder b = EvidenceLine.newBuilder().setWhat(ProtoMapping.nullToEmpty(e.what()));
        if (e.time() != null) b.setTime(ProtoMapping.timestamp(e.time()));
        if (e.ref() != null) {
            b.setDeviceId(e.ref().deviceId()).setDay(e.ref().fileDay().toString()).setFileOffset(e.ref().fileOffset());
        }
        if (line != null) {
            b.setFile(ProtoMapping.nullToEmpty(line.file())).setText(ProtoMapping.nullToEmpty(line.text()))
                    .setSeal(seal(line.seal()));
        }
        return b.build();
    }

    private static SealStatus seal(EvidenceLines.SealStatus status) {
        return switch (status) {
            case SEALED -> SealStatus.SEAL_STATUS_SEALED;
            case SIGNED_ONLY -> SealStatus.SEAL_STATUS_SIGNED_ONLY;
            case NOT_SEALED -> SealStatus.SEAL_STATUS_NOT_SEALED;
            case FILE_MISSING -> SealStatus.SEAL_STATUS_FILE_MISSING;
            case NOT_A_LINE -> SealStatus.SEAL_STATUS_NOT_A_LINE;
        };
    }

    private static FindingKind kind(org.logmaster.collector.attribution.Finding.Kind kind) {
        return switch (kind) {
            case OVERLAPPING_CLAIMS -> FindingKind.FINDING_KIND_OVERLAPPING_CLAIMS;
            case NO_LEASE -> FindingKind.FINDING_KIND_NO_LEASE;
            case NO_TRANSLATION -> FindingKind.FINDING_KIND_NO_TRANSLATION;
            case SEVERAL_INSIDE_HOSTS -> FindingKind.FINDING_KIND_SEVERAL_INSIDE_HOSTS;
            case END_NOT_OBSERVED -> FindingKind.FINDING_KIND_END_NOT_OBSERVED;
            case START_FROM_DURATION -> FindingKind.FINDING_KIND_START_FROM_DURATION;
        };
    }
}
