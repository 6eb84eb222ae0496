package org.logmaster.collector.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
    @TempDir
    Path dir;

    private final QueueSink sink = new QueueSink();
    private final ListenerCounters counters = new ListenerCounters("file:app");
    private FileTailer tailer;

    private Path log() {
        return dir.resolve("app.log");
    }

    private FileTailSettings settings() {
        return FileTailSettings.of("app", log(), "proxy-1", dir.resolve("state/app.position"))
                .withPollInterval(Duration.ofMillis(20));
    }

    private FileTailer start(FileTailSettings settings) throws IOException {
        tailer = new FileTailer(settings, sink, counters);
        tailer.start();
        return tailer;
    }

    private FileTailer start() throws IOException {
        return start(settings());
    }

    @AfterEach
    void close() {
        if (tailer != null) tailer.close();
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void appendedLinesArriveAsFramesOfTheConfiguredDevice() throws Exception {
        append(log(), "first line\n");
        start();

        append(log(), "second line\r\nthird line\n");

        RawFrame first = sink.next();
        assertThat(new String(first.payload(), UTF_8)).isEqualTo("first line");
        assertThat(first.listener()).isEqualTo("file:app");
        assertThat(first.deviceHint()).isEqualTo("proxy-1");
        assertThat(first.sender()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(sink.nextTexts(2)).containsExactly("second line", "third line");
        assertThat(counters.snapshot().received()).isEqualTo(3);
    }

    @Test
    void aLineIsHandedOverOnlyOnceItsLineFeedIsWritten() throws Exception {
        start();

        append(log(), "half a ");
        append(log(), "line\nnext\n");

        assertThat(sink.nextTexts(2)).containsExactly("half a line", "next");
    }

    @Test
    void fileCreatedAfterTheStartIsFollowed() throws Exception {
        start();

        append(log(), "late file\n");

        assertThat(sink.nextText()).isEqualTo("late file");
    }

    @Test
    void rotatedFileIsReadToItsEndBeforeTheNewFileIsFollowed() throws Exception {
        append(log(), "old 1\n");
        start();
        assertThat(sink.nextText()).isEqualTo("old 1");

        append(log(), "old 2\nold 3 without line feed");
        Files.move(log(), dir.resolve("app.log.1"));
        append(log(), "new 1\n");

        assertThat(sink.nextTexts(3)).containsExactly("old 2", "old 3 without line feed", "new 1");
        append(log(), "new 2\n");
        assertThat(sink.nextText()).isEqualTo("new 2");
    }

    @Test
    void truncatedFileIsReadFromItsStart() throws Exception {
        append(log(), "a fairly long line before truncation\n");
        start();
        assertThat(sink.nextText()).isEqualTo("a fairly long line before truncation");

        Files.writeString(log(), "after\n", UTF_8, StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(sink.nextText()).isEqualTo("after");
    }

    @Test
    void restartResumesWithoutLosingOrRepeatingLines() throws Exception {
        append(log(), "one\ntwo\n");
        start();
        assertThat(sink.nextTexts(2)).containsExactly("one", "two");
        append(log(), "three\npartial");
        assertThat(sink.nextText()).isEqualTo("three");
        tailer.close();

        append(log(), " line\nfour\n");
        start();

        assertThat(sink.nextTexts(2)).containsExactly("partial line", "four");
        append(log(), "five\n");
        assertThat(sink.nextText()).isEqualTo("five");
        assertThat(sink.isEmpty()).as("nothing was delivered twice").isTrue();
    }

    @Test
    void fileReplacedWhileStoppedIsReadFromItsStart() throws Exception {
        append(log(), "before\n");
        start();
        assertThat(sink.nextText()).isEqualTo("before");
        tailer.close();

        Files.move(log(), dir.resolve("app.log.1"));
        append(log(), "replacement\n");
        start();

        assertThat(sink.nextText()).isEqualTo("replacement");
    }

    @Test
    void startAtEndSkipsWhatTheFileAlreadyHolds() throws Exception {
        append(log(), "history\n");
        start(settings().withStartAtEnd(true));

        append(log(), "fresh\n");

        assertThat(sink.nextText()).isEqualTo("fresh");
    }

    @Test
    void overlongLineIsCutAndCountedOversized() throws Exception {
        start(settings().withMaxMessageBytes(10));

        append(log(), "0123456789abcdef\nok\n");

        assertThat(sink.nextTexts(3)).containsExactly("0123456789", "abcdef", "ok");
        assertThat(counters.snapshot().oversized()).isEqualTo(2);
    }

    @Test
    void bytesThatAreNotUtf8ArriveUnchanged() throws Exception {
        byte[] line = {'x', (byte) 0xff, (byte) 0xc3, (byte) 0x28, 'y'};
        start();

        Files.write(log(), line);
        append(log(), "\n");

        assertThat(sink.next().payload()).isEqualTo(line);
    }
}
