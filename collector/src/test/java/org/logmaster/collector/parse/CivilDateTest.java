package org.logmaster.collector.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The hand-written calendar arithmetic agrees with java.time everywhere syslog can reach. */
class CivilDateTest {
    @Property(tries = 2000)
    void epochDayMatchesJavaTime(@ForAll @IntRange(min = 0, max = 9999) int year,
                                 @ForAll @IntRange(min = 1, max = 12) int month,
                                 @ForAll @IntRange(min = 1, max = 31) int day) {
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDate) {
            assertThat(CivilDate.isValid(year, month, day)).isFalse();
            return;
        }
        assertThat(CivilDate.isValid(year, month, day)).isTrue();
        assertThat(CivilDate.epochDay(year, month, day)).isEqualTo(date.toEpochDay());
    }
}
