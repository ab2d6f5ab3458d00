package com.rigsync.people;

import java.util.List;
import java.util.Optional;

import com.rigsync.security.Role;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    /** The security stamp of an enabled account; none for a disabled or deleted one. One primary-key read. */
    @Query("select u.securityStamp from UserAccount u where u.id = :id and u.enabled = true")
    Optional<Long> enabledStamp(@Param("id") long id);

    boolean existsByUsername(String username);

    boolean existsByRole(com.rigsync.security.Role role);

    @Query("select u.departmentId, count(u) from UserAccount u where u.departmentId is not null group by u.departmentId")
    List<Object[]> countByDepartment();

    List<UserAccount> findByDepartmentIdOrderByDisplayName(long departmentId);

    List<UserAccount> findByRoleOrderByDisplayName(Role role);

    /**
     * The enabled accounts with a role, in a department or (null) among Client Success, locked until the
     * transaction ends: two administrators demoting each other at once cannot both succeed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select u from UserAccount u
            where u.role = :role and u.enabled = true
              and ((:departmentId is null and u.departmentId is null) or u.departmentId = :departmentId)""")
    List<UserAccount> lockEnabledWithRole(@Param("role") Role role, @Param("departmentId") Long departmentId);
}
