package com.rigsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.ui.SimulatedSamsaraView;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.security.web.SecurityFilterChain;

/** Outside the demo profile the app has no simulator, no exempted security chain and no fault switches route. */
class SimulatedSamsaraOnlyInTheDemoTest {

    @Test
    void withoutTheDemoProfileNothingOfTheSimulatorIsCreated() {
        new ApplicationContextRunner().withUserConfiguration(SimulatedSamsaraConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SimulatedSamsara.class);
            assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
            assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
            assertThat(context).doesNotHaveBean(VaadinServiceInitListener.class);
        });
    }

    @Test
    void theFaultSwitchesPageIsNoAnnotatedRouteThatVaadinWouldFindOnItsOwn() {
        assertThat(SimulatedSamsaraView.class.isAnnotationPresent(Route.class)).isFalse();
    }
}
