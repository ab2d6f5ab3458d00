package com.rigsync.people;

import java.time.Instant;

import com.rigsync.base.VersionedEntity;
import com.rigsync.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class UserAccount extends VersionedEntity {

    @Column(name = "department_id")
    private Long departmentId;

    @Column(nullable = false, length = 80)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = 254)
    private String email;
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    protected UserAccount() {
    }

    UserAccount(Long departmentId, String username, String displayName, Role role, String passwordHash,
                boolean mustChangePassword, Instant createdAt) {
        if (role.belongsToDepartment() != (departmentId != null)) {
            throw new IllegalArgumentException("Client Success staff belong to no department; everyone else to one");
        }
        this.departmentId = departmentId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = createdAt;
    }

    Long getDepartmentId() {
        return departmentId;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void setRole(Role role) {
        if (role.belongsToDepartment() != this.role.belongsToDepartment()) {
            throw new IllegalArgumentException("Client Success staff belong to no department; everyone else to one");
        }
        this.role = role;
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    long getSecurityStamp() {
        return securityStamp;
    }

    /** Ends every session of this person on every instance at their next request (see SecurityStampCheck). */
    void endSessions() {
        securityStamp++;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void changePassword(String newHash, boolean mustChange) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChange;
    }
}
