package com.rigsync.audit;

import java.time.Clock;
import java.util.List;

import com.rigsync.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
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

    AuditService(AuditEventRepository events, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
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

    /** The signed-in administrator's department's events, newest first, optionally filtered. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<AuditEntry> departmentLog(AuditAction action, String actor) {
        return events.findForDepartment(currentUser.departmentId(), action, actor, PageRequest.of(0, MAX_SHOWN))
                .stream().map(AuditEvent::toEntry).toList();
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
