package com.rigsync.people;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(com.rigsync.security.Role role);

    @Query("select u.departmentId, count(u) from UserAccount u where u.departmentId is not null group by u.departmentId")
    List<Object[]> countByDepartment();
}
