package org.logmaster.collector.alert;

import static org.logmaster.collector.index.schema.Tables.ALERT_RULES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/** The alert_rules table: rules put over the API, as JSON in the configuration file's keys. */
public final class RuleStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;

    public RuleStore(DSLContext db) {
        this.db = db;
    }

    public List<RuleSpec> list() {
        return db.select(ALERT_RULES.DEFINITION).from(ALERT_RULES).orderBy(ALERT_RULES.NAME)
                .fetch(r -> read(r.value1()));
    }

    public void put(RuleSpec spec, String user, Instant at) {
        String definition = write(spec);
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            int updated = t.update(ALERT_RULES).set(ALERT_RULES.DEFINITION, definition)
                    .set(ALERT_RULES.UPDATED_AT, time).set(ALERT_RULES.UPDATED_BY, user)
                    .where(ALERT_RULES.NAME.eq(spec.name())).execute();
            if (updated == 0) {
                t.insertInto(ALERT_RULES).set(ALERT_RULES.NAME, spec.name()).set(ALERT_RULES.DEFINITION, definition)
                        .set(ALERT_RULES.UPDATED_AT, time).set(ALERT_RULES.UPDATED_BY, user).execute();
            }
        });
    }

    /** @return false when there was no such rule */
    public boolean delete(String name) {
        return db.deleteFrom(ALERT_RULES).where(ALERT_RULES.NAME.eq(name)).execute() > 0;
    }

    private static RuleSpec read(String json) {
        try {
            return JSON.readValue(json, RuleSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert_rules holds a definition that is not a rule: " + e.getOriginalMessage());
        }
    }

    private static String write(RuleSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
