package com.rigsync;

import java.util.List;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.rigsync.security.SignedInUser;
import com.rigsync.testing.SignIn;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

/**
 * Base of every UI test: one Spring context (demo data on the real, embedded MariaDB) shared by all UI test classes,
 * routes discovered once, a fresh mocked Vaadin UI per test.
 */
@SpringAppTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private UserDetailsService users;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("com.rigsync");
        }
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs a user in the way the login form would (their real account and role), then opens the start page. */
    protected SignedInUser signIn(String username) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(username);
        var authentication = SignIn.as(user);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> user.role().name().equals(role));
        UI.getCurrent().navigate("");
        return user;
    }

    protected void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    /**
     * The navigation entries the signed-in user is offered, in order, each under its section's name if it has one
     * ("Assets > Setup", "Users").
     */
    protected List<String> navigationLabels() {
        return _find(SideNav.class).stream()
                .flatMap(nav -> nav.getItems().stream()
                        .map(item -> (nav.getLabel() == null ? "" : nav.getLabel() + " > ") + item.getLabel()))
                .toList();
    }
}
