package com.rigsync.audit;

import com.rigsync.security.SignInPauseLifted;
import com.rigsync.security.SignInPaused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes security's sign-in pauses, and their lifting, into the department's audit log, on the thread that did it. */
@Component
class SignInPauses {

    private final AuditService audit;

    SignInPauses(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void record(SignInPaused paused) {
        audit.record(paused.departmentId(), AuditAction.SIGN_IN_LOCKED, paused.username(), paused.detail());
    }

    @EventListener
    void record(SignInPauseLifted lifted) {
        audit.record(lifted.departmentId(), AuditAction.SIGN_IN_UNLOCKED, lifted.username(), lifted.detail());
    }
}
