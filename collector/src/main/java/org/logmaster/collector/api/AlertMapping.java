package org.logmaster.collector.api;

import com.google.protobuf.Int32Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logmaster.api.v1.Alert;
import org.logmaster.api.v1.AlertRule;
import org.logmaster.api.v1.AlertSeverity;
import org.logmaster.collector.alert.RuleSpec;

/** Alerts and rules between the domain and logmaster.v1. */
final class AlertMapping {
    private AlertMapping() {}

    static Alert alert(org.logmaster.collector.alert.Alert a, String deviceId) {
        Alert.Builder b = Alert.newBuilder()
                .setId(a.id())
                .setRule(a.rule())
                .setSeverity(severity(a.severity()))
                .setRaisedAt(ProtoMapping.timestamp(a.raisedAt()))
                .setGroupKey(a.groupKey())
                .setMatches(a.matches())
                .setSummary(a.summary())
                .addAllEvidence(a.evidence());
        String device = deviceId != null ? deviceId : a.trigger() != null ? a.trigger().device() : null;
        if (device != null) b.setDeviceId(device);
        if (a.acknowledgedAt() != null) {
            b.setAcknowledgedAt(ProtoMapping.timestamp(a.acknowledgedAt())).setAcknowledgedBy(a.acknowledgedBy());
        }
        return b.build();
    }

    static AlertSeverity severity(org.logmaster.collector.alert.AlertSeverity s) {
        return AlertSeverity.valueOf("ALERT_SEVERITY_" + s.name());
    }

    static AlertRule rule(org.logmaster.collector.alert.AlertRule r) {
        RuleSpec s = r.spec();
        AlertRule.Builder b = AlertRule.newBuilder()
                .setName(r.name())
                .setSeverity(severity(r.severity()))
                .setEnabled(r.enabled())
                .setOrigin(r.origin().name().toLowerCase(java.util.Locale.ROOT))
                .setAtLeast(r.atLeast());
        if (s.description() != null) b.setDescription(s.description());
        if (s.suppress() != null) b.setSuppress(s.suppress());
        if (s.match() != null) {
            if (s.match().devices() != null) b.addAllDevices(s.match().devices());
            if (s.match().maxSeverity() != null) b.setMaxSeverity(Int32Value.of(s.match().maxSeverity()));
            if (s.match().fields() != null) b.putAllFields(s.match().fields());
            if (s.match().text() != null) b.setText(s.match().text());
        }
        if (s.condition() != null) {
            if (s.condition().window() != null) b.setWindow(s.condition().window());
            if (s.condition().groupBy() != null) b.setGroupBy(s.condition().groupBy());
        }
        return b.build();
    }

    static AlertRule systemRule(String name, String description) {
        return AlertRule.newBuilder().setName(name).setDescription(description).setEnabled(true).setOrigin("system")
                .setAtLeast(1).build();
    }

    static RuleSpec spec(AlertRule r) {
        List<String> devices = r.getDevicesCount() == 0 ? null : new ArrayList<>(r.getDevicesList());
        Map<String, String> fields = r.getFieldsCount() == 0 ? null : new LinkedHashMap<>(r.getFieldsMap());
        String severity = r.getSeverity() == AlertSeverity.ALERT_SEVERITY_UNSPECIFIED ? null
                : r.getSeverity().name().substring("ALERT_SEVERITY_".length());
        if (r.getSeverity() == AlertSeverity.UNRECOGNIZED) {
            throw new IllegalArgumentException("severity: unknown value " + r.getSeverityValue());
        }
        return new RuleSpec(r.getName(), blankToNull(r.getDescription()), severity, r.getEnabled(),
                new RuleSpec.Match(devices, r.hasMaxSeverity() ? r.getMaxSeverity().getValue() : null, fields,
                        blankToNull(r.getText())),
                new RuleSpec.Condition(r.getAtLeast() <= 1 ? null : r.getAtLeast(), blankToNull(r.getWindow()),
                        blankToNull(r.getGroupBy())),
                blankToNull(r.getSuppress()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
