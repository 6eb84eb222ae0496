package org.logmaster.collector.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.logmaster.api.v1.AcknowledgeAlertsRequest;
import org.logmaster.api.v1.AcknowledgeAlertsResponse;
import org.logmaster.api.v1.Alert;
import org.logmaster.api.v1.AlertServiceGrpc;
import org.logmaster.api.v1.DeleteAlertRuleRequest;
import org.logmaster.api.v1.DeleteAlertRuleResponse;
import org.logmaster.api.v1.ListAlertRulesRequest;
import org.logmaster.api.v1.ListAlertRulesResponse;
import org.logmaster.api.v1.ListAlertsRequest;
import org.logmaster.api.v1.ListAlertsResponse;
import org.logmaster.api.v1.PutAlertRuleRequest;
import org.logmaster.api.v1.PutAlertRuleResponse;
import org.logmaster.api.v1.StreamAlertsRequest;
import org.logmaster.collector.alert.AlertBroadcast;
import org.logmaster.collector.alert.AlertRuleBook;
import org.logmaster.collector.alert.AlertStore;
import org.logmaster.collector.alert.SystemAlerts;

/** AlertService over the alert store, the rule book and the live broadcast. */
public final class AlertGrpcService extends AlertServiceGrpc.AlertServiceImplBase implements AutoCloseable {
    private static final int MAX_PAGE = 1000;
    private static final int MAX_ACKNOWLEDGE = 1000;

    private final AlertStore store;
    private final AlertRuleBook rules;
    private final AlertBroadcast broadcast;
    private final Clock clock;
    private final Set<AlertStream> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public AlertGrpcService(AlertStore store, AlertRuleBook rules, AlertBroadcast broadcast, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    @Override
    public void list(ListAlertsRequest request, StreamObserver<ListAlertsResponse> response) {
        int size = request.getPageSize() == 0 ? 100 : request.getPageSize();
        if (size < 0 || size > MAX_PAGE) throw new IllegalArgumentException("page_size must be 0..1000");
        ListAlertsResponse.Builder b = ListAlertsResponse.newBuilder();
        store.list(size, request.getBeforeId(), request.getUnacknowledgedOnly())
                .forEach(s -> b.addAlerts(AlertMapping.alert(s.alert(), s.deviceId())));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void acknowledge(AcknowledgeAlertsRequest request, StreamObserver<AcknowledgeAlertsResponse> response) {
        Set<Long> ids = new LinkedHashSet<>(request.getIdsList());
        if (ids.isEmpty() || ids.size() > MAX_ACKNOWLEDGE) throw new IllegalArgumentException("ids: give 1..1000 alert ids");
        CallContext.audit().target(ids.size() == 1 ? "alert " + ids.iterator().next() : ids.size() + " alerts");
        AcknowledgeAlertsResponse.Builder b = AcknowledgeAlertsResponse.newBuilder();
        store.acknowledge(ids, CallContext.principal().username(), clock.instant())
                .forEach(s -> b.addAlerts(AlertMapping.alert(s.alert(), s.deviceId())));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void stream(StreamAlertsRequest request, StreamObserver<Alert> response) {
        AlertStream stream = new AlertStream((ServerCallStreamObserver<Alert>) response);
        AutoCloseable subscription = broadcast.subscribe(a -> stream.offer(AlertMapping.alert(a, null)));
        streams.add(stream);
        stream.start(() -> {
            streams.remove(stream);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // removing from a list does not fail
            }
        });
    }

    @Override
    public void listRules(ListAlertRulesRequest request, StreamObserver<ListAlertRulesResponse> response) {
        Map<String, org.logmaster.api.v1.AlertRule> byName = new TreeMap<>();
        rules.rules().forEach(r -> byName.put(r.name(), AlertMapping.rule(r)));
        SystemAlerts.RULES.forEach((name, what) -> byName.put(name, AlertMapping.systemRule(name, what)));
        response.onNext(ListAlertRulesResponse.newBuilder().addAllRules(byName.values()).build());
        response.onCompleted();
    }

    @Override
    public void putRule(PutAlertRuleRequest request, StreamObserver<PutAlertRuleResponse> response) {
        CallContext.audit().target(request.getRule().getName());
        var rule = rules.put(AlertMapping.spec(request.getRule()), CallContext.principal().username());
        response.onNext(PutAlertRuleResponse.newBuilder().setRule(AlertMapping.rule(rule)).build());
        response.onCompleted();
    }

    @Override
    public void deleteRule(DeleteAlertRuleRequest request, StreamObserver<DeleteAlertRuleResponse> response) {
        CallContext.audit().target(request.getName());
        rules.delete(request.getName());
        response.onNext(DeleteAlertRuleResponse.getDefaultInstance());
        response.onCompleted();
    }

    /** Ends the live streams (clients reconnect and list what they missed). */
    @Override
    public void close() {
        for (AlertStream s : List.copyOf(streams)) {
            s.end(Status.UNAVAILABLE.withDescription("the collector is stopping"));
        }
    }
}
