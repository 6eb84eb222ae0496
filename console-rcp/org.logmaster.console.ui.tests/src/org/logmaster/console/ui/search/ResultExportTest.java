package org.logmaster.console.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResultExportTest {

    @Test
    void csvQuotesEveryFieldAndDoublesInnerQuotes() {
        assertThat(ResultExport.csvRow(List.of("a", "say \"hi\"", "two\nlines")))
                .isEqualTo("\"a\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void theFormatFollowsTheFileExtension() {
        assertThat(ResultExport.forFile(Path.of("/tmp/out.jsonl"))).isEqualTo(ResultExport.JSON_LINES);
        assertThat(ResultExport.forFile(Path.of("/tmp/out.CSV"))).isEqualTo(ResultExport.CSV);
    }
}
