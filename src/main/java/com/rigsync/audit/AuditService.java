package com.rigsync.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.rigsync.security.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who did what to which department, and when. Other features' services write here inside their transactions. */
@Service
public class AuditService {

    private static final int MAX_SHOWN = 500;

    private final AuditEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    AuditService(AuditEventRepository events, CurrentUser currentUser, Clock clock, JdbcTemplate jdbc) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Records an event about a department, by the signed-in user (or "system" for background work). Joins the
     * caller's transaction, so an event exists exactly when the change it describes was saved. Never pass a secret.
     */
    @Transactional
    public void record(Long departmentId, AuditAction action, String target, String detail) {
        events.save(new AuditEvent(departmentId, currentUser.actorName(), action, limit(target, 200),
                limit(detail, 1000), clock.instant()));
    }

    /** Records an event about one apparatus, so it appears in that apparatus' change history too. */
    @Transactional
    public void recordAbout(long departmentId, long apparatusId, AuditAction action, String target, String detail) {
        AuditEvent event = new AuditEvent(departmentId, currentUser.actorName(), action, limit(target, 200),
                limit(detail, 1000), clock.instant());
        event.about(apparatusId);
        events.save(event);
    }

    /**
     * Records one event per note, all by the signed-in user at one instant, in batched inserts (a bulk change of
     * thousands of apparatus must not cost one round trip each). Joins the caller's transaction.
     */
    @Transactional
    public void recordEach(long departmentId, AuditAction action, List<AuditNote> notes) {
        String actor = currentUser.actorName();
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into audit_event (department_id, actor, action, target, detail, at, apparatus_id)
                values (?, ?, ?, ?, ?, ?, ?)""", notes, 500, (statement, note) -> {
                    statement.setLong(1, departmentId);
                    statement.setString(2, actor);
                    statement.setString(3, action.name());
                    statement.setString(4, limit(note.target(), 200));
                    statement.setString(5, limit(note.detail(), 1000));
                    statement.setTimestamp(6, at);
                    statement.setObject(7, note.apparatusId());
                });
    }

    /**
     * One apparatus' history, newest first: the events recorded about it. The caller (the apparatus feature) has
     * checked that the apparatus belongs to the signed-in user's department.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> historyOf(long departmentId, long apparatusId, int max) {
        return events.findForApparatus(departmentId, apparatusId, PageRequest.of(0, max)).stream()
                .map(AuditEvent::toEntry).toList();
    }

    /** The signed-in administrator's department's events, newest first, optionally filtered. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<AuditEntry> departmentLog(AuditAction action, String actor) {
        return events.findForDepartment(currentUser.departmentId(), action, actor, PageRequest.of(0, MAX_SHOWN))
                .stream().map(AuditEvent::toEntry).toList();
    }

    /**
     * The signed-in administrator's department's events as filtered, all of them, newest first, as a CSV file (UTF-8,
     * times in UTC): each apparatus change with its apparatus number and which field changed from what to what.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public byte[] departmentLogCsv(AuditAction action, String actor) {
        List<AuditEvent> all = events.findForDepartment(currentUser.departmentId(), action, actor, Pageable.unpaged());
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
                .get())) {
            printer.printRecord("When (UTC)", "Who", "What", "Target", "Apparatus number", "Detail");
            for (AuditEvent event : all) {
                AuditEntry e = event.toEntry();
                printer.printRecord(e.at(), e.actor(), e.action().label(), e.target(), event.apparatusId(),
                        e.detail());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<String> departmentActors() {
        return events.actorsOf(currentUser.departmentId());
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
