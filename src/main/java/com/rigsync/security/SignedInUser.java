package com.rigsync.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind the session: who they are, their role and their department (null for Client Success). The
 * password hash is erased once they have signed in.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final long userId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final Long departmentId;
    private final boolean enabled;
    private String passwordHash;
    private final long securityStamp;

    public SignedInUser(long userId, String username, String displayName, Role role, Long departmentId,
                        boolean enabled, String passwordHash) {
        this(userId, username, displayName, role, departmentId, enabled, passwordHash, 0);
    }

    /** @param securityStamp the account's stamp when signing in; a session whose stamp is outdated ends */
    public SignedInUser(long userId, String username, String displayName, Role role, Long departmentId,
                        boolean enabled, String passwordHash, long securityStamp) {
        this.securityStamp = securityStamp;
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.departmentId = departmentId;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public long securityStamp() {
        return securityStamp;
    }

    public Role role() {
        return role;
    }

    /** The department this user works in; null for Client Success staff. */
    public Long departmentId() {
        return departmentId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + ", department " + departmentId + "]";
    }
}
