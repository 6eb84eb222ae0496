package org.logmaster.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The client bundle embeds the gRPC runtime as jars under lib/ (copied by its pom.xml). A jar
 * there that MANIFEST.MF does not list would be dead weight, and a listed one that is missing
 * would fail only at run time.
 */
class EmbeddedRuntimeTest {

    private final Bundle client = FrameworkUtil.getBundle(CollectorConnection.class);

    @Test
    void bundleClassPathListsExactlyTheEmbeddedJars() {
        List<String> listed = Arrays.stream(client.getHeaders().get("Bundle-ClassPath").split(","))
                .map(String::strip)
                .filter(entry -> entry.startsWith("lib/"))
                .sorted()
                .toList();
        List<String> embedded = new ArrayList<>();
        for (URL entry : Collections.list(client.findEntries("lib", "*.jar", false))) {
            embedded.add(entry.getPath().substring(1));
        }
        Collections.sort(embedded);

        assertThat(listed).isNotEmpty().isEqualTo(embedded);
    }

    @Test
    void generatedApiClassesLoadThroughTheClientBundle() throws Exception {
        assertThat(client.loadClass("org.logmaster.api.v1.Severity")).isNotNull();
        assertThat(client.loadClass("io.grpc.health.v1.HealthGrpc")).isNotNull();
    }
}
