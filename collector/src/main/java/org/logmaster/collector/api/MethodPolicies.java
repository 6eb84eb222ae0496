package org.logmaster.collector.api;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.logmaster.api.v1.AdminServiceGrpc;
import org.logmaster.api.v1.AttributionServiceGrpc;
import org.logmaster.api.v1.AlertServiceGrpc;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.ComplianceServiceGrpc;
import org.logmaster.api.v1.ExportServiceGrpc;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.collector.auth.Permission;

/**
 * Which permission each gRPC method needs and which methods are audited: the one table the
 * {@link AccessInterceptor} consults. A method missing here is refused (fail closed), so a new
 * service must be added before it can be called.
 */
public final class MethodPolicies {
    private final Map<String, MethodPolicy> byMethod;

    private MethodPolicies(Map<String, MethodPolicy> byMethod) {
        this.byMethod = Map.copyOf(byMethod);
    }

    /** The policies of every method of logmaster.v1, health and reflection. */
    public static MethodPolicies standard() {
        Map<String, MethodPolicy> m = new HashMap<>();
        // Login needs no session, but every attempt is audited.
        put(m, AuthServiceGrpc.getLoginMethod(), new MethodPolicy(null, true));
        put(m, AuthServiceGrpc.getLogoutMethod(), audited(Permission.SESSION));
        put(m, AuthServiceGrpc.getWhoAmIMethod(), quiet(Permission.SESSION));
        put(m, AuthServiceGrpc.getChangePasswordMethod(), audited(Permission.SESSION));

        put(m, LogServiceGrpc.getTailMethod(), audited(Permission.LOGS_READ));
        put(m, LogServiceGrpc.getSearchMethod(), audited(Permission.LOGS_READ));
        put(m, LogServiceGrpc.getHistogramMethod(), audited(Permission.LOGS_READ));

        // An attribution names a subscriber: evidence, for auditors and administrators only.
        put(m, AttributionServiceGrpc.getWhoHadMethod(), audited(Permission.EVIDENCE_EXPORT));

        put(m, DeviceServiceGrpc.getListMethod(), quiet(Permission.DEVICES_READ));
        put(m, DeviceServiceGrpc.getListUnknownSendersMethod(), quiet(Permission.DEVICES_READ));
        put(m, DeviceServiceGrpc.getRegisterMethod(), audited(Permission.DEVICES_MANAGE));
        put(m, DeviceServiceGrpc.getUpdateMethod(), audited(Permission.DEVICES_MANAGE));
        put(m, DeviceServiceGrpc.getRetireMethod(), audited(Permission.DEVICES_MANAGE));

        put(m, AdminServiceGrpc.getCreateUserMethod(), audited(Permission.USERS_MANAGE));
        put(m, AdminServiceGrpc.getSetRoleMethod(), audited(Permission.USERS_MANAGE));
        put(m, AdminServiceGrpc.getDisableUserMethod(), audited(Permission.USERS_MANAGE));
        put(m, AdminServiceGrpc.getEnableUserMethod(), audited(Permission.USERS_MANAGE));
        put(m, AdminServiceGrpc.getResetPasswordMethod(), audited(Permission.USERS_MANAGE));
        put(m, AdminServiceGrpc.getListUsersMethod(), quiet(Permission.USERS_MANAGE));
        put(m, AdminServiceGrpc.getQueryAuditMethod(), audited(Permission.AUDIT_READ));
        put(m, AdminServiceGrpc.getVerifyAuditMethod(), audited(Permission.AUDIT_READ));

        put(m, ComplianceServiceGrpc.getStatusMethod(), quiet(Permission.COMPLIANCE_READ));
        put(m, ComplianceServiceGrpc.getVerifyMethod(), audited(Permission.COMPLIANCE_READ));
        // Evidence leaves the appliance: administrators and auditors only, every export audited.
        put(m, ExportServiceGrpc.getExportMethod(), audited(Permission.EVIDENCE_EXPORT));
        put(m, AlertServiceGrpc.getListMethod(), quiet(Permission.ALERTS_READ));
        put(m, AlertServiceGrpc.getStreamMethod(), quiet(Permission.ALERTS_READ));
        put(m, AlertServiceGrpc.getListRulesMethod(), quiet(Permission.ALERTS_READ));
        put(m, AlertServiceGrpc.getAcknowledgeMethod(), audited(Permission.ALERTS_ACKNOWLEDGE));
        put(m, AlertServiceGrpc.getPutRuleMethod(), audited(Permission.ALERT_RULES_MANAGE));
        put(m, AlertServiceGrpc.getDeleteRuleMethod(), audited(Permission.ALERT_RULES_MANAGE));

        // Load balancers and service managers probe health without credentials.
        putAll(m, HealthGrpc.getServiceDescriptor(), MethodPolicy.open());
        // Reflection describes the API to any logged-in user (grpcurl, scripts).
        putAll(m, ServerReflectionGrpc.getServiceDescriptor(), quiet(Permission.SESSION));
        return new MethodPolicies(m);
    }

    /** A copy with {@code method}'s policy set (for services added later). */
    public MethodPolicies with(MethodDescriptor<?, ?> method, MethodPolicy policy) {
        Map<String, MethodPolicy> m = new HashMap<>(byMethod);
        put(m, method, policy);
        return new MethodPolicies(m);
    }

    public Optional<MethodPolicy> find(String fullMethodName) {
        return Optional.ofNullable(byMethod.get(fullMethodName));
    }

    public Set<String> methods() {
        return byMethod.keySet();
    }

    public static MethodPolicy audited(Permission permission) {
        return new MethodPolicy(permission, true);
    }

    public static MethodPolicy quiet(Permission permission) {
        return new MethodPolicy(permission, false);
    }

    private static void put(Map<String, MethodPolicy> m, MethodDescriptor<?, ?> method, MethodPolicy policy) {
        m.put(method.getFullMethodName(), policy);
    }

    private static void putAll(Map<String, MethodPolicy> m, ServiceDescriptor service, MethodPolicy policy) {
        for (MethodDescriptor<?, ?> method : service.getMethods()) {
            put(m, method, policy);
        }
    }
}
