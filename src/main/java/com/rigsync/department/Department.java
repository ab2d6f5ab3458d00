package com.rigsync.department;

import java.time.Instant;

import com.rigsync.base.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "department")
class Department extends VersionedEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "samsara_entitled", nullable = false)
    private boolean samsaraEntitled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Department() {
    }

    Department(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    String getName() {
        return name;
    }

    boolean isSamsaraEntitled() {
        return samsaraEntitled;
    }

    void setSamsaraEntitled(boolean samsaraEntitled) {
        this.samsaraEntitled = samsaraEntitled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
