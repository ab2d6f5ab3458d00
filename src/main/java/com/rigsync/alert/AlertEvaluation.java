package com.rigsync.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.rigsync.apparatus.FleetAlertConditions;
import com.rigsync.apparatus.FleetAlertConditions.ApparatusCondition;
import com.rigsync.integration.IntegrationState;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.people.Recipients;
import com.rigsync.people.Recipients.Recipient;
import com.rigsync.sync.SyncTrouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and resolves a department's alerts. Each run compares the conditions found now with the open alerts: a new
 * condition opens an alert and writes its mails to the outbox in the same transaction; an open alert whose condition
 * is gone is resolved, with a short mail to those who got the first. An unchanged condition does nothing, so nobody
 * is mailed twice; the unique open key keeps it so whichever instance runs.
 */
@Component
class AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);

    private final JdbcClient jdbc;
    private final SamsaraConnections connections;
    private final SyncTrouble syncTrouble;
    private final FleetAlertConditions fleet;
    private final Recipients recipients;
    private final AlertChoices choices;
    private final AlertMailText text;
    private final Clock clock;
    private final int failedRuns;
    private final Duration noSuccessFor;

    AlertEvaluation(JdbcClient jdbc, SamsaraConnections connections, SyncTrouble syncTrouble,
                    FleetAlertConditions fleet, Recipients recipients, AlertChoices choices, AlertMailText text,
                    Clock clock, @Value("${rigsync.alerts.failed-runs:3}") int failedRuns,
                    @Value("${rigsync.alerts.no-success-for:6h}") Duration noSuccessFor) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.syncTrouble = syncTrouble;
        this.fleet = fleet;
        this.recipients = recipients;
        this.choices = choices;
        this.text = text;
        this.clock = clock;
        this.failedRuns = failedRuns;
        this.noSuccessFor = noSuccessFor;
    }

    /** What changed in one run. */
    record Changes(int opened, int resolved) {
    }

    /** Every department, in id order; each is evaluated in its own transaction. */
    List<Long> departmentIds() {
        return jdbc.sql("select id from department order by id").query(Long.class).list();
    }

    @Transactional
    Changes evaluate(long departmentId) {
        List<Condition> now = conditions(departmentId);
        Map<String, Condition> wanted = new HashMap<>();
        now.forEach(c -> wanted.put(c.openKey(departmentId), c));
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("select open_key, id from alert where department_id = ? and open_key is not null").param(departmentId)
                .query((rs, n) -> open.put(rs.getString(1), rs.getLong(2))).list();

        Instant at = clock.instant();
        List<Recipient> people = null;
        int opened = 0;
        for (Map.Entry<String, Condition> entry : wanted.entrySet()) {
            if (open.containsKey(entry.getKey())) {
                continue;
            }
            if (people == null) {
                people = recipients.ofDepartment(departmentId);
            }
            if (open(departmentId, entry.getKey(), entry.getValue(), at, people)) {
                opened++;
            }
        }
        int resolved = 0;
        Set<String> gone = open.keySet().stream().filter(k -> !wanted.containsKey(k)).collect(Collectors.toSet());
        for (String key : gone) {
            if (resolve(open.get(key), at)) {
                resolved++;
            }
        }
        if (opened + resolved > 0) {
            log.info("Alerts of department {}: {} opened, {} resolved", departmentId, opened, resolved);
        }
        return new Changes(opened, resolved);
    }

    /** The conditions that need someone now; none for a department without a working entitlement and connection. */
    List<Condition> conditions(long departmentId) {
        IntegrationState state = connections.stateOf(departmentId);
        List<Condition> found = new ArrayList<>();
        switch (state) {
            case NOT_ENTITLED, OFF, NOT_CONNECTED -> {
                return found;
            }
            case NEEDS_ATTENTION -> found.add(new Condition(AlertKind.CONNECTION, "connection", "Samsara connection",
                    "Samsara rejected the saved access token (it was regenerated or revoked). Scheduled syncs are "
                            + "paused until an administrator saves a new token.", "/setup/settings"));
            case RECONNECT_NEEDED -> found.add(new Condition(AlertKind.CONNECTION, "connection", "Samsara connection",
                    "Samsara refused to renew the connection. Scheduled syncs are paused until an administrator "
                            + "connects with Samsara again.", "/setup/settings"));
            default -> {
            }
        }
        if (!state.paused()) {
            SyncTrouble.Standing runs = syncTrouble.of(departmentId);
            Instant since = runs.lastSuccess() != null ? runs.lastSuccess() : runs.firstRun();
            if (runs.failedInARow() >= failedRuns) {
                found.add(new Condition(AlertKind.SYNC_FAILING, "sync", "Samsara sync", "The last " + runs.failedInARow()
                        + " sync runs failed" + (runs.lastError() == null ? "." : ": " + runs.lastError()),
                        "/setup/sync"));
            } else if (since != null && since.isBefore(clock.instant().minus(noSuccessFor))) {
                found.add(new Condition(AlertKind.SYNC_FAILING, "sync", "Samsara sync", "No sync has succeeded for more than "
                        + noSuccessFor.toHours() + " hours.", "/setup/sync"));
            }
        }
        FleetAlertConditions.Conditions apparatus = fleet.of(departmentId);
        for (ApparatusCondition c : apparatus.lampFaults()) {
            // named with its code: an apparatus with two codes gets two alerts that read apart in a mailbox
            found.add(new Condition(AlertKind.FAULT_CODE, c.apparatusId() + ":" + c.part(),
                    c.unitName() + ", " + c.part(),
                    c.unitName() + " has a new active " + c.detail() + ".", "/apparatus/" + c.apparatusId()));
        }
        for (ApparatusCondition c : apparatus.notReporting()) {
            found.add(new Condition(AlertKind.NOT_REPORTING, String.valueOf(c.apparatusId()), c.unitName(),
                    c.unitName() + " " + c.detail() + ".", "/apparatus/" + c.apparatusId()));
        }
        for (ApparatusCondition c : apparatus.needsReview()) {
            found.add(new Condition(AlertKind.NEEDS_REVIEW, String.valueOf(c.apparatusId()), c.unitName(),
                    c.unitName() + ": " + c.detail() + ".", "/setup/sync"));
        }
        return found;
    }

    private boolean open(long departmentId, String key, Condition condition, Instant at, List<Recipient> people) {
        long alertId;
        try {
            alertId = jdbc.sql("""
                            insert into alert (department_id, kind, subject, subject_name, detail, fix_path, opened_at,
                                               open_key) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(departmentId, condition.kind().name(), limit(condition.subject(), 120),
                            limit(condition.subjectName(), 200), limit(condition.detail(), 1000), condition.fixPath(),
                            utc(at), key)
                    .query(Long.class).single();
        } catch (DuplicateKeyException alreadyOpen) {
            // another instance opened it a moment ago, with its mails
            return false;
        }
        Map<AlertKind, Delivery> defaults = choices.defaults(departmentId);
        Map<Long, Map<AlertKind, Delivery>> own = choices.own(departmentId);
        for (Recipient person : people) {
            if (person.email() == null || !AlertChoices.kindsFor(person.role()).contains(condition.kind())) {
                continue;
            }
            Delivery delivery = own.getOrDefault(person.userId(), Map.of())
                    .getOrDefault(condition.kind(), defaults.get(condition.kind()));
            if (delivery == Delivery.NONE) {
                continue;
            }
            AlertMailText.Mail mail = text.opened(condition, person, delivery);
            jdbc.sql("""
                            insert into alert_mail (alert_id, user_id, address, purpose, mail_subject, body, created_at,
                                                    status, next_attempt_at) values (?, ?, ?, 'OPENED', ?, ?, ?, ?, ?)""")
                    .params(alertId, person.userId(), person.email(), mail.subject(), mail.body(), utc(at),
                            delivery == Delivery.DAILY_DIGEST ? "HELD" : "WAITING", utc(at))
                    .update();
        }
        return true;
    }

    private boolean resolve(long alertId, Instant at) {
        if (jdbc.sql("update alert set resolved_at = ?, open_key = null where id = ? and resolved_at is null")
                .params(utc(at), alertId).update() == 0) {
            return false;
        }
        Condition condition = jdbc.sql("select kind, subject, subject_name, detail, fix_path from alert where id = ?")
                .param(alertId)
                .query((rs, n) -> new Condition(AlertKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).single();
        // only those who were (or will be, in a digest) told of the opening hear of the end
        List<long[]> told = jdbc.sql("select user_id, id from alert_mail where alert_id = ? and purpose = 'OPENED'")
                .param(alertId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] person : told) {
            jdbc.sql("""
                            insert into alert_mail (alert_id, user_id, address, purpose, mail_subject, body, created_at,
                                                    status, next_attempt_at)
                            select alert_id, user_id, address, 'RESOLVED', ?, ?, ?,
                                   case when status in ('HELD', 'DIGESTED') then 'HELD' else 'WAITING' end, ?
                            from alert_mail where id = ?""")
                    .params(text.resolvedSubject(condition), text.resolvedBody(condition), utc(at), utc(at), person[1])
                    .update();
        }
        return true;
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
