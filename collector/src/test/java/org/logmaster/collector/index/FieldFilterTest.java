package org.logmaster.collector.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.parse.Field;

class FieldFilterTest {
    @Test
    void vendorAndVocabularySpellingsNameTheSameField() {
        assertThat(FieldFilter.parse("srcip=10.0.0.5").field()).isEqualTo(Field.SRC_IP);
        assertThat(FieldFilter.parse("SRC_IP=10.0.0.5").field()).isEqualTo(Field.SRC_IP);
        assertThat(FieldFilter.parse("nat-src-port=40001").field()).isEqualTo(Field.NAT_SRC_PORT);
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> FieldFilter.parse("colour=red"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour").hasMessageContaining("src_ip");
    }

    @Test
    void aTermWithoutValueIsRefused() {
        assertThatThrownBy(() -> FieldFilter.parse("srcip")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldFilter.parse("srcip=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spaceSeparatedTermsInOneArgumentAreSeveralFilters() {
        assertThat(FieldFilter.parseAll(List.of("srcip=10.0.0.5 action=DENY", "user=ali")))
                .containsExactly(new FieldFilter(Field.SRC_IP, "10.0.0.5"), new FieldFilter(Field.ACTION, "deny"),
                        new FieldFilter(Field.USER, "ali"));
    }

    @Test
    void usersKeepTheirCase() {
        assertThat(FieldFilter.parse("user=Ayse.Yilmaz").value()).isEqualTo("Ayse.Yilmaz");
    }
}
