package com.rigsync.people;

import java.util.OptionalLong;

import com.rigsync.security.SecurityStamps;
import com.rigsync.security.SignedInUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring Security's sign-in reads accounts from here, and each request checks the account's security stamp. */
@Service
class AccountDetailsService implements UserDetailsService, SecurityStamps {

    private final UserAccountRepository accounts;

    AccountDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new SignedInUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getDepartmentId(), account.isEnabled(), account.getPasswordHash(),
                account.getSecurityStamp());
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalLong currentStamp(long userId) {
        return accounts.enabledStamp(userId).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
