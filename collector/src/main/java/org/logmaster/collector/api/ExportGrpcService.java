package org.logmaster.collector.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.logmaster.api.v1.ExportBundleChunk;
import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportServiceGrpc;
import org.logmaster.api.v1.ExportSummary;
import org.logmaster.collector.export.EvidenceBundle;
import org.logmaster.collector.export.ExportRequest;
import org.logmaster.collector.seal.TimeStampException;

/** ExportService over {@link EvidenceBundle}: the bundle streams to the client as it is written. */
public final class ExportGrpcService extends ExportServiceGrpc.ExportServiceImplBase {
    private final EvidenceBundle bundle;
    private final String tsaLabel;
    private final boolean builtInTsa;

    public ExportGrpcService(EvidenceBundle bundle, String tsaLabel, boolean builtInTsa) {
        this.bundle = bundle;
        this.tsaLabel = tsaLabel;
        this.builtInTsa = builtInTsa;
    }

    @Override
    public void export(ExportBundleRequest request, StreamObserver<ExportBundleChunk> response) {
        CallContext.audit().target(request.getCaseNumber());
        if (!request.hasFrom() || !request.hasTo()) {
            throw new IllegalArgumentException("from and to are required");
        }
        ExportRequest exportRequest = new ExportRequest(request.getCaseNumber(), request.getRequester(),
                request.getReason(), ComplianceMapping.devices(request.getDeviceIdsList()),
                ProtoMapping.instant(true, request.getFrom()), ProtoMapping.instant(true, request.getTo()),
                request.getText(), request.getIpsList());
        ExportChunkStream out = new ExportChunkStream((ServerCallStreamObserver<ExportBundleChunk>) response);
        try {
            EvidenceBundle.Summary summary = bundle.write(exportRequest, out);
            ExportSummary.Builder b = ExportSummary.newBuilder()
                    .setDays(summary.days())
                    .setEvents(summary.events())
                    .setManifestSha256(summary.manifestSha256())
                    .setTsaLabel(tsaLabel)
                    .setBuiltinTsa(builtInTsa);
            if (summary.tsaTime() != null) b.setTsaTime(ProtoMapping.timestamp(summary.tsaTime()));
            out.finish(b.build());
        } catch (TimeStampException e) {
            throw Status.UNAVAILABLE.withDescription("the manifest could not be time-stamped: " + e.getMessage())
                    .asRuntimeException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.onCompleted();
    }
}
