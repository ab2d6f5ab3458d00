package com.rigsync;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupChecksTest {

    private static final String A_KEY = "cmlnc3luYy1URVNULU9OTFkta2V5LW5vdC1zZWNyZXQ=";

    @Test
    void outsideTheDemoADatabaseMustBeConfigured() {
        assertThatThrownBy(() -> StartupChecks.check(new MockEnvironment()
                .withProperty("rigsync.encryption.key", A_KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("'demo'");
    }

    @Test
    void outsideTheDemoAnEncryptionKeyMustBeConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example.org:3306/rigsync");
        assertThatThrownBy(() -> StartupChecks.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RIGSYNC_ENCRYPTION_KEY")
                .hasMessageContaining("head -c 32 /dev/urandom | base64")
                .hasMessageNotContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedWithoutRepeatingIt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example.org:3306/rigsync")
                .withProperty("rigsync.encryption.key", "c2hvcnQta2V5")
                .withProperty("rigsync.encryption.previous-key", "not base64 at all!");
        assertThatThrownBy(() -> StartupChecks.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RIGSYNC_ENCRYPTION_KEY must be the base64 of exactly 32 random bytes")
                .hasMessageContaining("RIGSYNC_ENCRYPTION_KEY_PREVIOUS must be the base64")
                .hasMessageNotContaining("c2hvcnQta2V5").hasMessageNotContaining("not base64 at all");
    }

    @Test
    void anExternalDatabaseAndAKeyAreEnough() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example.org:3306/rigsync")
                .withProperty("rigsync.encryption.key", A_KEY);
        assertThatCode(() -> StartupChecks.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void theDemoStartsWithoutEither() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");
        assertThatCode(() -> StartupChecks.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void samsaraAppCredentialsComeInPairsAndNeedAnHttpsPublicAddress() {
        MockEnvironment half = production().withProperty("rigsync.samsara.oauth.client-id", "app-id");
        assertThatThrownBy(() -> StartupChecks.check(half)).hasMessageContaining("Set both SAMSARA_CLIENT_ID and "
                + "SAMSARA_CLIENT_SECRET");

        MockEnvironment noAddress = production().withProperty("rigsync.samsara.oauth.client-id", "app-id")
                .withProperty("rigsync.samsara.oauth.client-secret", "very-secret-value");
        assertThatThrownBy(() -> StartupChecks.check(noAddress)).hasMessageContaining("needs RIGSYNC_PUBLIC_BASE_URL")
                .hasMessageNotContaining("very-secret-value");

        MockEnvironment plainHttp = production().withProperty("rigsync.samsara.oauth.client-id", "app-id")
                .withProperty("rigsync.samsara.oauth.client-secret", "very-secret-value")
                .withProperty("rigsync.public-base-url", "http://rigsync.example.org");
        assertThatThrownBy(() -> StartupChecks.check(plainHttp)).hasMessageContaining("must start with https://");

        MockEnvironment good = production().withProperty("rigsync.samsara.oauth.client-id", "app-id")
                .withProperty("rigsync.samsara.oauth.client-secret", "very-secret-value")
                .withProperty("rigsync.public-base-url", "https://rigsync.example.org");
        assertThatCode(() -> StartupChecks.check(good)).doesNotThrowAnyException();
    }

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example.org:3306/rigsync")
                .withProperty("rigsync.encryption.key", A_KEY);
    }
}
