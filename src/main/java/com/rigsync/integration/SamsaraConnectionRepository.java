package com.rigsync.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SamsaraConnectionRepository extends JpaRepository<SamsaraConnection, Long> {

    /**
     * A call with this secret worked: it is in use, and a "not yet verified" or "needs attention" mark goes. Bound
     * to the secret, so a success of a token that was replaced meanwhile says nothing about the new one. A bulk
     * update: no version bump, so a person editing the settings is not told they changed meanwhile.
     */
    @Modifying
    @Query("""
            update SamsaraConnection c set c.lastUsedAt = :now,
                   c.health = com.rigsync.integration.ConnectionHealth.OK
            where c.departmentId = :departmentId and c.secretCiphertext = :ciphertext""")
    int markUsed(@Param("departmentId") long departmentId, @Param("ciphertext") String ciphertext,
                 @Param("now") Instant now);

    /**
     * Sets the health of this secret's connection; 0 when it already had it (nothing changed). Never turns
     * "reconnect needed" (an OAuth grant Samsara refused) into a milder mark.
     */
    @Modifying
    @Query("""
            update SamsaraConnection c set c.health = :health
            where c.departmentId = :departmentId and c.secretCiphertext = :ciphertext and c.health <> :health
              and c.health <> com.rigsync.integration.ConnectionHealth.RECONNECT_NEEDED""")
    int markHealth(@Param("departmentId") long departmentId, @Param("ciphertext") String ciphertext,
                   @Param("health") ConnectionHealth health);

    /** Re-encrypted secrets (key rotation): the same secrets, so no version bump and no "changed meanwhile". */
    @Modifying(clearAutomatically = true)
    @Query("""
            update SamsaraConnection c set c.secretCiphertext = :secret, c.refreshCiphertext = :refresh
            where c.departmentId = :departmentId""")
    int rewriteSecrets(@Param("departmentId") long departmentId, @Param("secret") String secret,
                       @Param("refresh") String refresh);

    /**
     * The department's connection, locked (SELECT ... FOR UPDATE) until the transaction ends: one OAuth refresh or
     * disconnect per connection at a time across every app instance.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SamsaraConnection c where c.departmentId = :departmentId")
    Optional<SamsaraConnection> lockById(@Param("departmentId") long departmentId);

    /**
     * A refreshed OAuth pair: the same grant, so no version bump (a person editing the settings is not told they
     * changed meanwhile; the entity writes only changed columns, so their save cannot write the spent pair back).
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update SamsaraConnection c set c.secretCiphertext = :access, c.refreshCiphertext = :refresh,
                   c.accessExpiresAt = :expiresAt, c.health = com.rigsync.integration.ConnectionHealth.OK,
                   c.lastUsedAt = :now
            where c.departmentId = :departmentId and c.authKind = com.rigsync.integration.AuthKind.OAUTH""")
    int rotateOAuthTokens(@Param("departmentId") long departmentId, @Param("access") String access,
                          @Param("refresh") String refresh, @Param("expiresAt") Instant expiresAt,
                          @Param("now") Instant now);

    /** Marks an OAuth connection whose grant Samsara no longer accepts (no version bump). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update SamsaraConnection c set c.health = com.rigsync.integration.ConnectionHealth.RECONNECT_NEEDED
            where c.departmentId = :departmentId and c.authKind = com.rigsync.integration.AuthKind.OAUTH
              and c.refreshCiphertext = :refresh""")
    int markReconnectNeeded(@Param("departmentId") long departmentId, @Param("refresh") String refresh);

    /** True when another department holds an OAuth connection to this Samsara organisation. */
    @Query("""
            select count(c) > 0 from SamsaraConnection c where c.orgId = :orgId and c.departmentId <> :departmentId
              and c.authKind = com.rigsync.integration.AuthKind.OAUTH""")
    boolean oauthConnectedElsewhere(@Param("orgId") String orgId, @Param("departmentId") long departmentId);

    /** Every connection holding a secret, locked until the transaction ends (key rotation). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SamsaraConnection c where c.secretCiphertext is not null order by c.departmentId")
    List<SamsaraConnection> lockAllWithSecrets();

    /** The regions departments sync from: the ones health checks probe. */
    @Query("select distinct c.region from SamsaraConnection c where c.secretCiphertext is not null and c.enabled = true")
    List<String> regionsInUse();

    @Query("select c.departmentId from SamsaraConnection c where c.secretCiphertext is not null and c.enabled = true")
    List<Long> enabledWithSecret();

    /** The health this secret's connection has now, if the secret is still the saved one. */
    @Query("""
            select c.health from SamsaraConnection c
            where c.departmentId = :departmentId and c.secretCiphertext = :ciphertext""")
    java.util.Optional<ConnectionHealth> healthOf(@Param("departmentId") long departmentId,
                                                  @Param("ciphertext") String ciphertext);

    /** Sets the health of the department's OAuth connection; 0 when it already had it or is not OAuth. */
    @Modifying
    @Query("""
            update SamsaraConnection c set c.health = :health
            where c.departmentId = :departmentId and c.authKind = com.rigsync.integration.AuthKind.OAUTH
              and c.health <> :health""")
    int markOAuthHealth(@Param("departmentId") long departmentId, @Param("health") ConnectionHealth health);
}
