package com.rigsync.integration;

import java.time.Instant;
import java.util.List;

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

    /** Sets the health of this secret's connection; 0 when it already had it (nothing changed). */
    @Modifying
    @Query("""
            update SamsaraConnection c set c.health = :health
            where c.departmentId = :departmentId and c.secretCiphertext = :ciphertext and c.health <> :health""")
    int markHealth(@Param("departmentId") long departmentId, @Param("ciphertext") String ciphertext,
                   @Param("health") ConnectionHealth health);

    /** Re-encrypted secrets (key rotation): the same secrets, so no version bump and no "changed meanwhile". */
    @Modifying(clearAutomatically = true)
    @Query("""
            update SamsaraConnection c set c.secretCiphertext = :secret, c.refreshCiphertext = :refresh
            where c.departmentId = :departmentId""")
    int rewriteSecrets(@Param("departmentId") long departmentId, @Param("secret") String secret,
                       @Param("refresh") String refresh);

    /** Every connection holding a secret, locked until the transaction ends (key rotation). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SamsaraConnection c where c.secretCiphertext is not null order by c.departmentId")
    List<SamsaraConnection> lockAllWithSecrets();

    @Query("select c.departmentId from SamsaraConnection c where c.secretCiphertext is not null and c.enabled = true")
    List<Long> enabledWithSecret();

    /** The health this secret's connection has now, if the secret is still the saved one. */
    @Query("""
            select c.health from SamsaraConnection c
            where c.departmentId = :departmentId and c.secretCiphertext = :ciphertext""")
    java.util.Optional<ConnectionHealth> healthOf(@Param("departmentId") long departmentId,
                                                  @Param("ciphertext") String ciphertext);
}
