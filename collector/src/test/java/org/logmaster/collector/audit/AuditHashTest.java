package org.logmaster.collector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {
    private static final Instant TIME = Instant.parse("2025-03-01T10:00:00.123Z");

    /** The value docs/api.md's Python snippet computes for the same entry: the encoding is the published one. */
    @Test
    void theCanonicalEncodingIsTheDocumentedOne() {
        assertThat(AuditHash.of(1, TIME, "admin", "192.0.2.1:5000", "logmaster.v1.DeviceService/Register",
                "mac-001a2b3c4d5e", "OK", null, AuditHash.GENESIS))
                .isEqualTo("7e9e3cd937b2edeb75dda2b3e191e59ee81576d05f90659fdb16cc342d3ab986");
    }

    @Test
    void fieldsCannotImitateTheirNeighbours() {
        String ab = AuditHash.of(1, TIME, "ab", "c", "a", null, "OK", null, AuditHash.GENESIS);
        String a = AuditHash.of(1, TIME, "a", "bc", "a", null, "OK", null, AuditHash.GENESIS);
        assertThat(ab).isNotEqualTo(a);
    }

    @Test
    void anAbsentFieldDiffersFromAnEmptyOne() {
        assertThat(AuditHash.of(1, TIME, null, null, "a", null, "OK", null, AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of(1, TIME, "", null, "a", null, "OK", null, AuditHash.GENESIS));
    }

    @Test
    void storableTextReplacesNulAndLoneSurrogatesAndCutsBetweenPairs() {
        assertThat(AuditText.clean("a\u0000b\uD800c", 100)).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(AuditText.clean("ab\uD83D\uDE00", 3)).isEqualTo("ab");
    }

    @Test
    void emptyOptionalFieldsAreStoredAsAbsent() {
        assertThat(AuditText.optional("", 10)).isNull();
        assertThat(AuditText.optional("x", 10)).isEqualTo("x");
    }
}
