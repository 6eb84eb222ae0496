package org.logmaster.collector.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtractWriterTest {
    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(ExtractWriter.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ExtractWriter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExtractWriter.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ExtractWriter.csvField("plain")).isEqualTo("plain");
        assertThat(ExtractWriter.csvField(null)).isEmpty();
    }

    @Test
    void aLeadingFormulaCharacterCannotRunInASpreadsheet() {
        assertThat(ExtractWriter.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExtractWriter.csvField(-5)).isEqualTo("-5");
    }
}
