package org.logmaster.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A sink for tests: frames go into a queue the test takes them from, waiting generously. */
final class QueueSink implements FrameSink {
    private final BlockingQueue<RawFrame> queue;

    QueueSink() {
        this(new LinkedBlockingQueue<>());
    }

    QueueSink(BlockingQueue<RawFrame> queue) {
        this.queue = queue;
    }

    @Override
    public void put(RawFrame frame) throws InterruptedException {
        queue.put(frame);
    }

    RawFrame next() throws InterruptedException {
        RawFrame frame = queue.poll(20, TimeUnit.SECONDS);
        assertThat(frame).as("a frame should have arrived").isNotNull();
        return frame;
    }

    String nextText() throws InterruptedException {
        return new String(next().payload(), StandardCharsets.UTF_8);
    }

    List<String> nextTexts(int count) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) texts.add(nextText());
        return texts;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
