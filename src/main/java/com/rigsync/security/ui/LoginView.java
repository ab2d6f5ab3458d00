package com.rigsync.security.ui;

import com.rigsync.security.SignInPausedException;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | RigSync")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final String CHECK_AND_RETRY = "Check your username and password and try again. After "
            + "repeated failures signing in is paused for a while.";

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in to RigSync");
        i18n.getForm().setUsername("Username");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(CHECK_AND_RETRY);
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        add(new H1("RigSync Assets"), new Paragraph("Apparatus records and Samsara telematics for your department."),
                form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            // a paused sign-in says so and for how long; it is answered alike for unknown usernames
            WrappedSession session = VaadinSession.getCurrent() == null ? null
                    : VaadinSession.getCurrent().getSession();
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            i18n.getErrorMessage().setMessage(failure instanceof SignInPausedException paused
                    ? paused.getMessage() : CHECK_AND_RETRY);
            form.setI18n(i18n);
            form.setError(true);
        }
    }
}
