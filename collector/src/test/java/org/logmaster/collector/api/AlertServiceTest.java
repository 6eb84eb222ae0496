package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;

import com.google.protobuf.Int32Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.AcknowledgeAlertsRequest;
import org.logmaster.api.v1.Alert;
import org.logmaster.api.v1.AlertRule;
import org.logmaster.api.v1.AlertServiceGrpc;
import org.logmaster.api.v1.AlertSeverity;
import org.logmaster.api.v1.DeleteAlertRuleRequest;
import org.logmaster.api.v1.ListAlertRulesRequest;
import org.logmaster.api.v1.ListAlertsRequest;
import org.logmaster.api.v1.PutAlertRuleRequest;
import org.logmaster.api.v1.StreamAlertsRequest;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.audit.AuditQuery;

class AlertServiceTest {
    private ApiServer api;
    private AlertServiceGrpc.AlertServiceBlockingStub admin;
    private AlertServiceGrpc.AlertServiceBlockingStub viewer;
    private AlertServiceGrpc.AlertServiceBlockingStub auditor;

    @BeforeEach
    void start() throws Exception {
        api = ApiServer.plaintext();
        admin = withToken(AlertServiceGrpc.newBlockingStub(api.channel()), api.login("admin"));
        viewer = withToken(AlertServiceGrpc.newBlockingStub(api.channel()), api.login("viewer"));
        auditor = withToken(AlertServiceGrpc.newBlockingStub(api.channel()), api.login("auditor"));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private org.logmaster.collector.alert.Alert raise(String rule) {
        var stored = api.alertStore.record(org.logmaster.collector.alert.Alert.raised(rule,
                org.logmaster.collector.alert.AlertSeverity.CRITICAL, Instant.parse("2026-03-01T10:00:05Z"),
                "203.0.113.7", 6, rule + " [203.0.113.7]: 6 matches", List.of("line 1", "line \"2\"\n"), null));
        api.alertBroadcast.deliver(stored);
        return stored;
    }

    private static AlertRule bruteForce() {
        return AlertRule.newBuilder().setName("ssh-brute-force").setSeverity(AlertSeverity.ALERT_SEVERITY_CRITICAL)
                .setEnabled(true).setMaxSeverity(Int32Value.of(4)).setText("Failed password for \\S+ from (?<ip>\\S+)").setAtLeast(6).setWindow("10m")
                .setGroupBy("ip").setSuppress("30m").build();
    }

    @Test
    void storedAlertsAreListedNewestFirstWithTheirEvidence() {
        raise("a");
        raise("b");
        List<Alert> alerts = viewer.list(ListAlertsRequest.getDefaultInstance()).getAlertsList();
        assertThat(alerts).extracting(Alert::getRule).containsExactly("b", "a");
        assertThat(alerts.getFirst().getEvidenceList()).containsExactly("line 1", "line \"2\"\n");
        assertThat(alerts.getFirst().getSeverity()).isEqualTo(AlertSeverity.ALERT_SEVERITY_CRITICAL);
        assertThat(alerts.getFirst().getMatches()).isEqualTo(6);
    }

    @Test
    void anAcknowledgedAlertNamesWhoAndLeavesTheUnacknowledgedList() {
        long id = raise("a").id();
        raise("b");
        Alert acked = viewer.acknowledge(AcknowledgeAlertsRequest.newBuilder().addIds(id).build()).getAlerts(0);
        assertThat(acked.getAcknowledgedBy()).isEqualTo("viewer");
        assertThat(viewer.list(ListAlertsRequest.newBuilder().setUnacknowledgedOnly(true).build()).getAlertsList())
                .extracting(Alert::getRule).containsExactly("b");
        assertThat(api.audit.query(new AuditQuery(null, null, "viewer", "AlertService/Acknowledge", 0, 10)))
                .singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("alert " + id));
    }

    @Test
    void acknowledgingAnUnknownIdIsNotFoundAndChangesNothing() {
        long id = raise("a").id();
        assertThatThrownBy(() -> viewer.acknowledge(AcknowledgeAlertsRequest.newBuilder().addIds(id).addIds(id + 99).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(viewer.list(ListAlertsRequest.newBuilder().setUnacknowledgedOnly(true).build()).getAlertsCount())
                .isEqualTo(1);
    }

    @Test
    void auditorsMayReadButNotAcknowledge() {
        long id = raise("a").id();
        assertThat(auditor.list(ListAlertsRequest.getDefaultInstance()).getAlertsCount()).isEqualTo(1);
        assertThatThrownBy(() -> auditor.acknowledge(AcknowledgeAlertsRequest.newBuilder().addIds(id).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void theStreamDeliversAlertsRaisedAfterItStarted() throws Exception {
        raise("before");
        var stub = withToken(AlertServiceGrpc.newBlockingStub(api.channel()), api.login("viewer"))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
        Iterator<Alert> stream = stub.stream(StreamAlertsRequest.getDefaultInstance());
        // the subscription is made when the call arrives; wait for it rather than race it
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (api.alertBroadcast.subscribers() == 0 && System.nanoTime() < until) Thread.sleep(10);
        long id = raise("after").id();
        Alert first = stream.next();
        assertThat(first.getRule()).isEqualTo("after");
        assertThat(first.getId()).isEqualTo(id);
    }

    @Test
    void anAdministratorPutsARuleThatTheEngineThenUses() {
        AlertRule put = admin.putRule(PutAlertRuleRequest.newBuilder().setRule(bruteForce()).build()).getRule();
        assertThat(put.getOrigin()).isEqualTo("api");
        assertThat(put.getWindow()).isEqualTo("10m");
        assertThat(put.getMaxSeverity().getValue()).isEqualTo(4);
        assertThat(api.alertEngine.rules()).extracting(r -> r.name()).containsExactly("ssh-brute-force");
        List<AlertRule> listed = viewer.listRules(ListAlertRulesRequest.getDefaultInstance()).getRulesList();
        assertThat(listed).extracting(AlertRule::getName).contains("ssh-brute-force", "system.disk-usage",
                "system.tsa-failure", "system.device-silent");
        assertThat(listed.stream().filter(r -> r.getName().equals("ssh-brute-force")).findFirst().orElseThrow())
                .isEqualTo(put);
    }

    @Test
    void aBadRuleIsRefusedNamingTheKey() {
        AlertRule bad = bruteForce().toBuilder().setGroupBy("address").build();
        assertThatThrownBy(() -> admin.putRule(PutAlertRuleRequest.newBuilder().setRule(bad).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("condition.group-by:");
                });
    }

    @Test
    void viewersMayNotChangeRules() {
        assertThatThrownBy(() -> viewer.putRule(PutAlertRuleRequest.newBuilder().setRule(bruteForce()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void aDeletedRuleIsGoneFromTheEngine() {
        admin.putRule(PutAlertRuleRequest.newBuilder().setRule(bruteForce()).build());
        admin.deleteRule(DeleteAlertRuleRequest.newBuilder().setName("ssh-brute-force").build());
        assertThat(api.alertEngine.rules()).isEmpty();
        assertThatThrownBy(() -> admin.deleteRule(DeleteAlertRuleRequest.newBuilder().setName("ssh-brute-force").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void systemRulesCannotBeDeleted() {
        assertThatThrownBy(() -> admin.deleteRule(DeleteAlertRuleRequest.newBuilder().setName("system.disk-usage").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }
}
