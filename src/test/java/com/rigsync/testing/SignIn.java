package com.rigsync.testing;

import com.rigsync.security.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a user in on the current thread, as the login form would once their password was checked. */
public final class SignIn {

    private SignIn() {
    }

    /** Their real account and role, loaded the way sign-in loads them. */
    public static SignedInUser as(UserDetailsService users, String username) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(username);
        as(user);
        return user;
    }

    public static Authentication as(SignedInUser user) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }
}
