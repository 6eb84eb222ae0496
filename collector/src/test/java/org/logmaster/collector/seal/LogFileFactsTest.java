package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileFactsTest {
    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        return Files.writeString(folder.resolve("day.log"), content, StandardCharsets.UTF_8);
    }

    @Test
    void countsLinesEndedByLineFeeds() throws IOException {
        LogFileFacts facts = LogFileFacts.of(file("a\nb\nc\n"));

        assertThat(facts.lineCount()).isEqualTo(3);
        assertThat(facts.size()).isEqualTo(6);
        assertThat(facts.sha256()).isEqualTo(Sha256.hexDigest("a\nb\nc\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLastLineWithoutLineFeedStillCounts() throws IOException {
        assertThat(LogFileFacts.of(file("a\nb")).lineCount()).isEqualTo(2);
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        LogFileFacts facts = LogFileFacts.of(file(""));

        assertThat(facts.lineCount()).isZero();
        assertThat(facts.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void digestsThePrefixInTheSamePass() throws IOException {
        LogFileFacts facts = LogFileFacts.of(file("sealed\nappended\n"), 7);

        assertThat(facts.prefixSha256()).contains(Sha256.hexDigest("sealed\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hasNoPrefixDigestWhenTheFileIsShorter() throws IOException {
        assertThat(LogFileFacts.of(file("ab"), 3).prefixSha256()).isEmpty();
    }

    @Test
    void handlesFilesLargerThanItsReadBuffer() throws IOException {
        byte[] content = "0123456789abcde\n".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        Path big = Files.write(folder.resolve("big.log"), content);

        LogFileFacts facts = LogFileFacts.of(big, 1_500_000);

        assertThat(facts.lineCount()).isEqualTo(200_000);
        assertThat(facts.sha256()).isEqualTo(Sha256.hexDigest(content));
        assertThat(facts.prefixSha256()).contains(Sha256.hexDigest(java.util.Arrays.copyOf(content, 1_500_000)));
    }
}
