package com.rigsync.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.rigsync.base.PublicBaseUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.alert.AlertEvaluation.utc;

/**
 * Daily digests: the alert mails held for people who chose "in a daily digest" become one mail per person, once a
 * day at the department's digest hour in its time zone (07:00 unless an administrator chose another).
 */
@Component
class AlertDigest {

    static final int DEFAULT_HOUR = 7;

    private final JdbcClient jdbc;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    AlertDigest(JdbcClient jdbc, PublicBaseUrl baseUrl, Clock clock) {
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    private record Holder(long userId, String address, String name, String zone, Integer hour) {
    }

    /** Writes the digests that are due to the outbox; returns how many. */
    @Transactional
    int composeDue() {
        Instant now = clock.instant();
        List<Holder> holders = jdbc.sql("""
                        select distinct m.user_id, m.address, u.display_name, p.time_zone, d.digest_hour
                        from alert_mail m join app_user u on u.id = m.user_id
                        left join department p on p.id = u.department_id
                        left join department_alert_digest d on d.department_id = u.department_id
                        where m.status = 'HELD'""")
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5)))
                .list();
        int written = 0;
        for (Holder holder : holders) {
            Instant cut = lastDigestTime(now, holder.zone() == null ? ZoneOffset.UTC : ZoneId.of(holder.zone()),
                    holder.hour() == null ? DEFAULT_HOUR : holder.hour());
            List<String[]> lines = jdbc.sql("""
                            select id, mail_subject from alert_mail where user_id = ? and status = 'HELD'
                            and created_at < ? order by id""")
                    .params(holder.userId(), utc(cut))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            if (lines.isEmpty()) {
                continue;
            }
            StringBuilder body = new StringBuilder("Hello " + holder.name() + ",\n\nYour RigSync alerts of the past day:\n\n");
            for (String[] line : lines) {
                body.append("- ").append(line[1]).append('\n');
            }
            body.append("\nEach with where it is fixed: ").append(baseUrl.get()).append("/alerts\n\n")
                    .append("-- \nYou get this digest because you chose \"In a daily digest\" for these kinds. Change ")
                    .append("that under Alert settings: ").append(baseUrl.get()).append("/alerts/settings\n");
            jdbc.sql("""
                            insert into alert_mail (alert_id, user_id, address, purpose, mail_subject, body, created_at,
                                                    status, next_attempt_at) values (null, ?, ?, 'DIGEST', ?, ?, ?, 'WAITING', ?)""")
                    .params(holder.userId(), holder.address(), "RigSync daily digest: " + lines.size() + " alert update(s)",
                            body.toString(), utc(now), utc(now))
                    .update();
            for (String[] line : lines) {
                jdbc.sql("update alert_mail set status = 'DIGESTED' where id = ?").param(Long.parseLong(line[0])).update();
            }
            written++;
        }
        return written;
    }

    /**
     * Client Success's daily digest: once a day after {@link #DEFAULT_HOUR}:00 UTC, one mail to each Client Success
     * account with an address, listing the departments whose integration needs attention (an open connection or
     * failing-syncs alert); none when no department does. Returns how many were written.
     */
    @Transactional
    int composeClientSuccessDue() {
        Instant now = clock.instant();
        Instant cut = lastDigestTime(now, ZoneOffset.UTC, DEFAULT_HOUR);
        String subject = "RigSync: departments needing attention, " + cut.atZone(ZoneOffset.UTC).toLocalDate();
        List<String> departments = jdbc.sql("""
                        select d.name, group_concat(distinct a.kind order by a.kind separator ', ')
                        from alert a join department d on d.id = a.department_id
                        where a.open_key is not null and a.kind in ('CONNECTION', 'SYNC_FAILING')
                        group by d.name order by d.name""")
                .query((rs, n) -> "- " + rs.getString(1) + ": " + rs.getString(2)
                        .replace("CONNECTION", AlertKind.CONNECTION.label())
                        .replace("SYNC_FAILING", AlertKind.SYNC_FAILING.label()))
                .list();
        if (departments.isEmpty()) {
            return 0;
        }
        List<Holder> staff = jdbc.sql("""
                        select u.id, u.email, u.display_name from app_user u
                        where u.role = 'CLIENT_SUCCESS' and u.enabled and u.email is not null
                          and not exists (select 1 from alert_mail m where m.user_id = u.id and m.purpose = 'DIGEST'
                                          and m.mail_subject = ?)""")
                .param(subject)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), null, null))
                .list();
        for (Holder person : staff) {
            String body = "Hello " + person.name() + ",\n\nThese departments' Samsara integration needs attention:\n\n"
                    + String.join("\n", departments) + "\n\nEach department's integration health: " + baseUrl.get()
                    + "/departments\n\n-- \nYou get this because you are a Client Success user with an e-mail "
                    + "address. Change the address under Alert settings: " + baseUrl.get() + "/alerts/settings\n";
            jdbc.sql("""
                            insert into alert_mail (alert_id, user_id, address, purpose, mail_subject, body, created_at,
                                                    status, next_attempt_at) values (null, ?, ?, 'DIGEST', ?, ?, ?, 'WAITING', ?)""")
                    .params(person.userId(), person.address(), subject, body, utc(now), utc(now)).update();
        }
        return staff.size();
    }

    /** The latest digest time at or before now, in the zone. */
    static Instant lastDigestTime(Instant now, ZoneId zone, int hour) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(hour, 0).atZone(zone);
        return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    }

}
