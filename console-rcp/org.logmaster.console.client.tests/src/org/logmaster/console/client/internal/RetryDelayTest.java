package org.logmaster.console.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RetryDelayTest {

    @Test
    void theStandardDelayStartsAtOneSecondAndDoublesUpToThirtySeconds() {
        RetryDelay delay = RetryDelay.standard();

        assertThat(Stream.generate(delay::next).limit(7).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aSuccessfulAttemptStartsOverAtTheFirstDelay() {
        RetryDelay delay = new RetryDelay(Duration.ofMillis(10), Duration.ofSeconds(1));
        delay.next();
        delay.next();

        delay.reset();

        assertThat(delay.next()).isEqualTo(Duration.ofMillis(10));
    }
}
