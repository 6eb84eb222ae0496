package org.logmaster.collector.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logmaster.collector.index.schema.Tables.AUDIT_LOG;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.collector.apitest.TestClock;
import org.logmaster.collector.apitest.TestDatabase;

/** The hash chain, run against H2 and PostgreSQL by the subclasses. One database per class, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailContract {
    private TestDatabase database;
    private TestClock clock;
    private AuditTrail trail;
    private AuditVerifier verifier;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(kind());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void empty() {
        database.dsl().deleteFrom(AUDIT_LOG).execute();
        clock = new TestClock();
        trail = new AuditTrail(database.dsl(), clock);
        verifier = new AuditVerifier(trail);
    }

    private AuditEntry append(String action) {
        clock.advance(Duration.ofMillis(1500));
        return trail.append(new AuditEvent("admin", "192.0.2.1:5000", action, "mac-001a2b3c4d5e", AuditEvent.OK, "name: \"fw1\""));
    }

    @Test
    void entriesFormALinkedChainFromGenesis() {
        AuditEntry first = append("one");
        AuditEntry second = append("two");
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
    }

    @Test
    void anUntouchedChainVerifies() {
        for (int i = 0; i < 5; i++) append("action " + i);
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(trail.query(new AuditQuery(null, null, null, null, 4, 1)).getFirst().hash());
    }

    @Test
    void anEmptyChainVerifies() {
        assertThat(verifier.verify()).isEqualTo(new AuditVerification(true, 0, 0, null, AuditHash.GENESIS));
    }

    @Test
    void aModifiedRowIsFoundWithItsSeq() {
        for (int i = 0; i < 5; i++) append("action " + i);
        database.dsl().update(AUDIT_LOG).set(AUDIT_LOG.USERNAME, "mallory").where(AUDIT_LOG.SEQ.eq(3L)).execute();
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("hash does not match");
    }

    @Test
    void aModifiedAndRehashedRowBreaksTheNextLink() {
        for (int i = 0; i < 5; i++) append("action " + i);
        AuditEntry third = trail.query(new AuditQuery(null, null, null, null, 2, 1)).getFirst();
        String forged = AuditHash.of(third.seq(), third.time(), "mallory", third.remoteAddress(), third.action(),
                third.target(), third.outcome(), third.details(), third.prevHash());
        database.dsl().update(AUDIT_LOG).set(AUDIT_LOG.USERNAME, "mallory").set(AUDIT_LOG.HASH, forged)
                .where(AUDIT_LOG.SEQ.eq(3L)).execute();
        AuditVerification result = verifier.verify();
        assertThat(result.brokenAtSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("prev_hash");
    }

    @Test
    void aDeletedRowIsFoundAsMissing() {
        for (int i = 0; i < 5; i++) append("action " + i);
        database.dsl().deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(2L)).execute();
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(2);
        assertThat(result.problem()).contains("missing");
        assertThat(result.entriesChecked()).isEqualTo(1);
    }

    @Test
    void concurrentAppendsStayOneLinearChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<AuditEntry>> tasks = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String action = "parallel " + i;
                tasks.add(() -> trail.append(new AuditEvent("u", null, action, null, AuditEvent.OK, null)));
            }
            for (Future<AuditEntry> f : pool.invokeAll(tasks)) f.get();
        } finally {
            pool.shutdown();
        }
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(24);
    }

    @Test
    void textPostgresCannotStoreIsStoredAsHashed() {
        trail.append(new AuditEvent("u", null, "search", null, AuditEvent.OK, "text: \"a\u0000b\" " + "x".repeat(5000)));
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(trail.query(new AuditQuery(null, null, null, null, 0, 1)).getFirst().details()).hasSize(4000).contains("a\uFFFDb");
    }

    @Test
    void queriesFilterByUserActionAndTimeAndPageBySeq() {
        append("logmaster.v1.DeviceService/Register");
        append("logmaster.v1.LogService/Search");
        trail.append(new AuditEvent("viewer", null, "logmaster.v1.LogService/Search", null, AuditEvent.OK, null));
        assertThat(trail.query(new AuditQuery(null, null, "viewer", null, 0, 10))).extracting(AuditEntry::seq).containsExactly(3L);
        assertThat(trail.query(new AuditQuery(null, null, null, "LogService", 0, 10))).extracting(AuditEntry::seq).containsExactly(2L, 3L);
        assertThat(trail.query(new AuditQuery(null, null, null, null, 1, 1))).extracting(AuditEntry::seq).containsExactly(2L);
        assertThat(trail.query(new AuditQuery(clock.instant(), null, null, null, 0, 10))).extracting(AuditEntry::seq).containsExactly(2L, 3L);
    }
}
