package org.logmaster.collector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void keysAreTheDocumentedSnakeCaseNames() {
        assertThat(Field.NAT_SRC_PORT.key()).isEqualTo("nat_src_port");
        assertThat(Field.ofKey("lease_seconds")).isEqualTo(Field.LEASE_SECONDS);
        assertThat(Field.ofKey("nope")).isNull();
    }

    @Test
    void nullAndEmptyValuesAreNotStored() {
        Fields f = Fields.builder().put(Field.SRC_IP, null).put(Field.USER, "").put(Field.MAC, "3c:22:fb:00:11:22").build();

        assertThat(f.asMap()).containsExactly(Map.entry("mac", "3c:22:fb:00:11:22"));
    }

    @Test
    void mapIsInVocabularyOrderWhateverTheOrderOfPuts() {
        Fields f = Fields.builder().put(Field.DIALECT, "x").put(Field.DST_IP, "2.2.2.2").put(Field.SRC_IP, "1.1.1.1").build();

        assertThat(List.copyOf(f.asMap().keySet())).containsExactly("src_ip", "dst_ip", "dialect");
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        Fields f = Fields.builder().put(Field.USER, "first").putIfAbsent(Field.USER, "second").build();

        assertThat(f.get(Field.USER)).isEqualTo("first");
    }

    @Test
    void aBuiltValueDoesNotChangeWhenItsBuilderGoesOn() {
        Fields.Builder b = Fields.builder().put(Field.USER, "a");
        Fields first = b.build();
        b.put(Field.USER, "b");

        assertThat(first.get(Field.USER)).isEqualTo("a");
        assertThat(first.toBuilder().put(Field.MAC, "m").build().asMap()).containsOnlyKeys("user", "mac");
    }

    @Test
    void eventsFromTheRfcGrammarsHaveEmptyFields() {
        LogEvent e = LogEvent.raw("x", "why");

        assertThat(e.fields()).isSameAs(Fields.EMPTY);
        assertThat(e.withFields(Fields.builder().put(Field.USER, "u").build()).fields().get(Field.USER)).isEqualTo("u");
    }
}
