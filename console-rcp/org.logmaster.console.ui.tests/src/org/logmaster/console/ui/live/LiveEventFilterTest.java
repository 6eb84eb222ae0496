package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;

class LiveEventFilterTest {

    private static final LiveEvent SSH_FAILURE = new LiveEvent(Instant.EPOCH, "fw-Ankara-02", Severity.SEVERITY_WARNING,
            "10.20.1.7", "sshd", "Failed password for root");

    @Test
    void textMatchesAnyFieldIgnoringCase() {
        assertThat(new LiveEventFilter("failed PASSWORD", Severity.SEVERITY_DEBUG).matches(SSH_FAILURE)).isTrue();
        assertThat(new LiveEventFilter("ankara", Severity.SEVERITY_DEBUG).matches(SSH_FAILURE)).isTrue();
        assertThat(new LiveEventFilter("10.20.1", Severity.SEVERITY_DEBUG).matches(SSH_FAILURE)).isTrue();
        assertThat(new LiveEventFilter("SSHD", Severity.SEVERITY_DEBUG).matches(SSH_FAILURE)).isTrue();
        assertThat(new LiveEventFilter("dhcpd", Severity.SEVERITY_DEBUG).matches(SSH_FAILURE)).isFalse();
    }

    @Test
    void minimumSeverityIsInclusive() {
        assertThat(new LiveEventFilter("", Severity.SEVERITY_WARNING).matches(SSH_FAILURE)).isTrue();
        assertThat(new LiveEventFilter("", Severity.SEVERITY_ERROR).matches(SSH_FAILURE)).isFalse();
    }

    @Test
    void eventsWithoutSeverityShowOnlyWhenEverythingIsShown() {
        LiveEvent unspecified = new LiveEvent(Instant.EPOCH, "d", null, "h", "a", "m");

        assertThat(LiveEventFilter.ALL.matches(unspecified)).isTrue();
        assertThat(new LiveEventFilter("", Severity.SEVERITY_INFORMATIONAL).matches(unspecified)).isFalse();
    }

    @Test
    void surroundingBlanksInTheTextAreIgnored() {
        assertThat(new LiveEventFilter("  sshd ", Severity.SEVERITY_DEBUG).text()).isEqualTo("sshd");
    }
}
