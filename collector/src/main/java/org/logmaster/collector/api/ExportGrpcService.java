package org.logmaster.collector.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import io.grpc.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.logmaster.api.v1.ExportBundleChunk;
import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportServiceGrpc;
import org.logmaster.api.v1.ExportSummary;
import org.logmaster.collector.export.EvidenceBundle;
import org.logmaster.collector.export.ExportRequest;
import org.logmaster.collector.seal.TimeStampException;

/** ExportService over {@link EvidenceBundle}: the bundle streams to the client as it is written. */
public final class ExportGrpcService extends ExportServiceGrpc.ExportServiceImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(ExportGrpcService.class);
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
        ServerCallStreamObserver<ExportBundleChunk> call = (ServerCallStreamObserver<ExportBundleChunk>) response;
        ExportChunkStream out = new ExportChunkStream(call);
        // written on its own thread: gRPC runs a call's ready and cancel handlers only after the
        // method returns, and flow control needs them while the bundle is being written
        Thread.ofVirtual().name("export-" + request.getCaseNumber()).start(Context.current().wrap(() -> {
            try {
                out.finish(summary(bundle.write(exportRequest, out)));
                call.onCompleted();
            } catch (TimeStampException e) {
                call.onError(Status.UNAVAILABLE.withDescription("the manifest could not be time-stamped: "
                        + e.getMessage()).asRuntimeException());
            } catch (IOException e) {
                if (!call.isCancelled()) {
                    LOG.error("export for case {} failed", request.getCaseNumber(), e);
                    call.onError(Status.INTERNAL.withDescription("the bundle could not be written (see the collector's"
                            + " log)").asRuntimeException());
                }
            } catch (RuntimeException e) {
                LOG.error("export for case {} failed", request.getCaseNumber(), e);
                call.onError(Status.INTERNAL.withDescription("internal error (see the collector's log)").asRuntimeException());
            }
        }));
    }

    private ExportSummary summary(EvidenceBundle.Summary summary) {
        ExportSummary.Builder b = ExportSummary.newBuilder()
                .setDays(summary.days())
                .setEvents(summary.events())
                .setManifestSha256(summary.manifestSha256())
                .setTsaLabel(tsaLabel)
                .setBuiltinTsa(builtInTsa);
        if (summary.tsaTime() != null) b.setTsaTime(ProtoMapping.timestamp(summary.tsaTime()));
        return b.build();
    }
}
