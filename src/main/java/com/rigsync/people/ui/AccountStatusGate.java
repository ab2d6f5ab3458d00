package com.rigsync.people.ui;

import com.rigsync.people.AccountStatus;
import com.rigsync.people.PeopleService;
import com.rigsync.security.CurrentUser;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * Checked on the server before every navigation: a person signed in with a one-time password is sent to Change
 * password whatever address they open, and a person disabled since signing in is signed out.
 */
@Component
class AccountStatusGate implements VaadinServiceInitListener {

    private final transient PeopleService people;
    private final transient CurrentUser currentUser;
    private final transient AuthenticationContext authenticationContext;

    AccountStatusGate(PeopleService people, CurrentUser currentUser, AuthenticationContext authenticationContext) {
        this.people = people;
        this.currentUser = currentUser;
        this.authenticationContext = authenticationContext;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (currentUser.get().isEmpty()) {
            return;
        }
        AccountStatus status = people.myAccountStatus();
        if (status == AccountStatus.DISABLED) {
            authenticationContext.logout();
        } else if (status == AccountStatus.MUST_CHANGE_PASSWORD
                && event.getNavigationTarget() != ChangePasswordView.class) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
