package com.rigsync.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Append-only: events are written once and never changed. They never hold a secret. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "department_id")
    private Long departmentId;

    @Column(nullable = false, length = 80)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 60)
    private AuditAction action;

    @Column(length = 200)
    private String target;

    @Column(length = 1000)
    private String detail;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "apparatus_id")
    private Long apparatusId;

    protected AuditEvent() {
    }

    AuditEvent(Long departmentId, String actor, AuditAction action, String target, String detail, Instant at) {
        this.departmentId = departmentId;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
        this.at = at;
    }

    void about(long apparatus) {
        this.apparatusId = apparatus;
    }

    Long apparatusId() {
        return apparatusId;
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, actor, action, target, detail, at);
    }
}
