package org.logmaster.console.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RateSamplerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void firstSampleHasNoRate() {
        assertThat(new RateSampler().sample(1_000, SECOND)).isZero();
    }

    @Test
    void rateIsTheCountDifferenceOverTheTimeDifference() {
        RateSampler sampler = new RateSampler();
        sampler.sample(1_000, SECOND);

        assertThat(sampler.sample(6_000, 3 * SECOND)).isEqualTo(2_500.0);
    }
}
