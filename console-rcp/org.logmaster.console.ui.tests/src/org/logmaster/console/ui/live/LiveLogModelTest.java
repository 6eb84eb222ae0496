package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;

class LiveLogModelTest {

    private static List<LiveEvent> events(int from, int to) {
        List<LiveEvent> batch = new ArrayList<>();
        for (int n = from; n < to; n++) {
            batch.add(TestEvents.event(n, n % 2 == 0 ? Severity.SEVERITY_ERROR : Severity.SEVERITY_DEBUG,
                    n % 2 == 0 ? "sshd" : "dhcpd"));
        }
        return batch;
    }

    @Test
    void rowsAreTheEventsInArrivalOrder() {
        LiveLogModel model = new LiveLogModel(10);
        model.append(events(0, 4), 0);

        assertThat(model.rowCount()).isEqualTo(4);
        assertThat(model.row(0).message()).isEqualTo("message 0");
        assertThat(model.row(3).message()).isEqualTo("message 3");
    }

    @Test
    void filterKeepsOnlyMatchingRowsAndAppliesToNewEvents() {
        LiveLogModel model = new LiveLogModel(10);
        model.append(events(0, 4), 0);

        model.setFilter(new LiveEventFilter("SSHD", Severity.SEVERITY_DEBUG));
        model.append(events(4, 6), 0);

        assertThat(model.rowCount()).isEqualTo(3);
        assertThat(model.row(2).message()).isEqualTo("message 4");
    }

    @Test
    void minimumSeverityHidesLessSevereEvents() {
        LiveLogModel model = new LiveLogModel(10);
        model.append(events(0, 6), 0);

        model.setFilter(new LiveEventFilter("", Severity.SEVERITY_WARNING));

        assertThat(model.rowCount()).isEqualTo(3);
        assertThat(model.row(0).severity()).isEqualTo(Severity.SEVERITY_ERROR);
    }

    @Test
    void eventsPushedOutOfTheBufferLeaveTheFrontOfTheRowsAndAreCounted() {
        LiveLogModel model = new LiveLogModel(4);
        model.append(events(0, 4), 0);

        LiveLogModel.Change change = model.append(events(4, 7), 0);

        assertThat(change.removedFromFront()).isEqualTo(3);
        assertThat(model.rowCount()).isEqualTo(4);
        assertThat(model.row(0).message()).isEqualTo("message 3");
        assertThat(model.droppedCount()).isEqualTo(3);
    }

    @Test
    void filteredRowsFollowEvictionToo() {
        LiveLogModel model = new LiveLogModel(4);
        model.setFilter(new LiveEventFilter("sshd", Severity.SEVERITY_DEBUG));
        model.append(events(0, 4), 0);

        LiveLogModel.Change change = model.append(events(4, 7), 0);

        assertThat(change.removedFromFront()).isEqualTo(2);
        assertThat(model.rowCount()).isEqualTo(2);
        assertThat(model.row(0).message()).isEqualTo("message 4");
    }

    @Test
    void aRowIsFoundBySequenceAfterOlderRowsLeft() {
        LiveLogModel model = new LiveLogModel(4);
        model.append(events(0, 4), 0);
        long sequenceOfMessage2 = model.sequenceOfRow(2);

        model.append(events(4, 6), 0);

        assertThat(model.rowOfSequence(sequenceOfMessage2)).isZero();
        assertThat(model.rowOfSequence(model.sequenceOfRow(3))).isEqualTo(3);
        assertThat(model.rowOfSequence(0)).isEqualTo(-1);
    }

    @Test
    void eventsDroppedBeforeTheModelAreCounted() {
        LiveLogModel model = new LiveLogModel(4);

        model.append(events(0, 2), 5);

        assertThat(model.droppedCount()).isEqualTo(5);
        assertThat(model.receivedCount()).isEqualTo(7);
    }

    @Test
    void aBatchLargerThanTheBufferKeepsItsNewestEvents() {
        LiveLogModel model = new LiveLogModel(3);

        model.append(events(0, 10), 0);

        assertThat(model.rowCount()).isEqualTo(3);
        assertThat(model.row(0).message()).isEqualTo("message 7");
        assertThat(model.droppedCount()).isEqualTo(7);
    }
}
