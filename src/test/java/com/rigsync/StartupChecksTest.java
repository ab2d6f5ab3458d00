package com.rigsync;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupChecksTest {

    @Test
    void outsideTheDemoADatabaseMustBeConfigured() {
        assertThatThrownBy(() -> StartupChecks.check(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("'demo'");
    }

    @Test
    void anExternalDatabaseIsEnough() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example.org:3306/rigsync");
        assertThatCode(() -> StartupChecks.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void theDemoStartsWithoutOne() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");
        assertThatCode(() -> StartupChecks.check(environment)).doesNotThrowAnyException();
    }
}
