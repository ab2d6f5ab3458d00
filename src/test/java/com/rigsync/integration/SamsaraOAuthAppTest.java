package com.rigsync.integration;

import com.rigsync.base.PublicBaseUrlAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth app settings: offered only with both credentials; the secret never in toString. */
class SamsaraOAuthAppTest {

    @Test
    void withoutBothCredentialsConnectWithSamsaraIsNotOffered() {
        assertThat(new SamsaraOAuthApp("", "", PublicBaseUrlAccess.fixed("https://rigsync.example.org"))
                .configured()).isFalse();
        assertThat(new SamsaraOAuthApp("app-id", " ", PublicBaseUrlAccess.fixed("https://rigsync.example.org"))
                .credentials()).isEmpty();
    }

    @Test
    void theRedirectUriFollowsThePublicAddressAndTheSecretIsNeverShown() {
        var app = new SamsaraOAuthApp("app-id", "very-secret-value",
                PublicBaseUrlAccess.fixed("https://rigsync.example.org/"));
        assertThat(app.configured()).isTrue();
        assertThat(app.redirectUri()).isEqualTo("https://rigsync.example.org/samsara/oauth/callback");
        assertThat(app.toString()).doesNotContain("very-secret-value");
        assertThat(app.credentials().orElseThrow().toString()).doesNotContain("very-secret-value");
    }
}
