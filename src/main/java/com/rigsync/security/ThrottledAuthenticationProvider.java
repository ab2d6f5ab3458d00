package com.rigsync.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in check: asks the throttle first (refusing without looking at the password while this address must wait
 * or the username is paused), reserves one of the username's few password checks, then checks the username and
 * password, and tells the throttle how it went.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, SignInThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.refuseIfPaused(username, address);
        throttle.reserveCheck(username);
        Authentication result;
        try {
            result = passwordCheck.authenticate(authentication);
        } catch (AuthenticationException e) {
            if (throttle.failed(username, address)) {
                throttle.announcePause(username, address);
            }
            throw e;
        }
        if (result != null) {
            throttle.succeeded(username, address);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
