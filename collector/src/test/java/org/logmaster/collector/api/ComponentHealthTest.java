package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.apitest.ApiServer;

class ComponentHealthTest {
    private ApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = ApiServer.plaintext();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private ServingStatus check(String service) throws Exception {
        return HealthGrpc.newBlockingStub(api.channel())
                .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }

    @Test
    void aFailingComponentIsReportedUnderItsNameWithoutLoginAndRecovers() throws Exception {
        api.server.component("logmaster.tsa", false);
        api.server.component("logmaster.disk", true);
        assertThat(check("logmaster.tsa")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(check("logmaster.disk")).isEqualTo(ServingStatus.SERVING);
        assertThat(check("")).isEqualTo(ServingStatus.SERVING);
        api.server.component("logmaster.tsa", true);
        assertThat(check("logmaster.tsa")).isEqualTo(ServingStatus.SERVING);
    }
}
