package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs every error path with secrets that Samsara even echoes back, and checks that no log line, exception message,
 * {@code toString()} or user message ever contains a token, refresh token, authorization code or client secret.
 */
class SecretsNeverLeakTest extends SamsaraTestBase {

    private static final String REFRESHED = "fresh-ACCESS-token-99887766";
    private static final String SECRET = "CLIENT-SECRET-zz9plural";
    private static final String REFRESH = "REFRESH-token-5551234";
    private static final String CODE = "AUTH-CODE-77665544";
    private static final String DRIVER_CODE = "driver-pairing-code-123";
    private static final String DRIVER_TOKEN = "DRIVER-LOGIN-TOKEN-4242";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger samsaraLogger;
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        samsaraLogger = (Logger) LoggerFactory.getLogger("com.rigsync.samsara");
        previousLevel = samsaraLogger.getLevel();
        samsaraLogger.setLevel(Level.DEBUG);
        logs.start();
        samsaraLogger.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        samsaraLogger.detachAppender(logs);
        samsaraLogger.setLevel(previousLevel);
    }

    @Test
    void noSecretAppearsInLogsExceptionsOrToString() {
        List<Object> reported = new ArrayList<>();
        TokenSource refreshing = new TokenSource() {
            @Override
            public String accessToken() {
                return TOKEN;
            }

            @Override
            public Optional<String> refreshAfterUnauthorized(String rejected) {
                return Optional.of(REFRESHED);
            }
        };
        SamsaraSession s = client.session(refreshing);
        ClientCredentials app = new ClientCredentials("rigsync-app", SECRET);

        // Samsara echoing the token back in its message must not get it into ours
        server.enqueue(error(401, "token " + TOKEN + " is invalid", "r1"));
        server.enqueue(error(401, "token " + REFRESHED + " is invalid", "r2"));
        reported.add(catchThrowable(s::me));
        server.enqueue(error(403, "token " + TOKEN + " lacks scope", "r3"));
        reported.add(catchThrowable(() -> s.stats(Set.of(StatType.GPS), StatsQuery.allVehicles())));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0.1")
                    .body("{\"message\":\"slow down " + TOKEN + "\",\"requestId\":\"r4\"}").build());
        }
        reported.add(catchThrowable(() -> s.vehicles(VehicleQuery.all()).toList()));
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(500, "boom", "r5"));
        }
        reported.add(catchThrowable(() -> s.drivers(DriverQuery.active()).toList()));
        server.enqueue(json("{\"data\": [\"" + TOKEN + "\", "));
        reported.add(catchThrowable(() -> s.vehicles(VehicleQuery.all()).toList()));
        server.enqueue(error(400, "bad code " + DRIVER_CODE, "r6"));
        reported.add(catchThrowable(() -> s.issueDriverAuthToken(5, DRIVER_CODE)));
        reported.add(catchThrowable(() -> s.issueDriverAuthToken(5, "short")));
        server.enqueue(json("{\"data\":{\"token\":\"" + DRIVER_TOKEN + "\",\"expirationTime\":1710000000000}}"));
        reported.add(s.issueDriverAuthToken(5, DRIVER_CODE));
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token " + REFRESH
                + " already used\"}"));
        reported.add(catchThrowable(() -> client.oauth().refresh(app, REFRESH)));
        server.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET + "\"}"));
        reported.add(catchThrowable(() -> client.oauth().exchangeCode(app, CODE, null)));
        server.enqueue(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"code " + CODE + "\"}"));
        reported.add(catchThrowable(() -> client.oauth().exchangeCode(app, CODE, null)));
        server.enqueue(json("{\"access_token\":\"" + REFRESHED + "\",\"refresh_token\":\"" + REFRESH
                + "\",\"expires_in\":3599}"));
        reported.add(client.oauth().exchangeCode(app, CODE, null));
        try (SamsaraClient slow = clientBuilder().readTimeout(Duration.ofMillis(100)).maxRetries(1).build()) {
            server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());
            server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());
            reported.add(catchThrowable(() -> slow.session(TokenSource.of(TOKEN)).me()));
        }
        reported.add(app);
        reported.add(s);
        reported.add(TokenSource.of(TOKEN));
        reported.add(client);

        assertThat(reported).filteredOn(o -> o instanceof Throwable).hasSize(11)
                .allSatisfy(t -> assertThat(t).isInstanceOfAny(SamsaraException.class, IllegalArgumentException.class));
        List<String> texts = new ArrayList<>();
        for (Object o : reported) {
            texts.add(String.valueOf(o));
            if (o instanceof Throwable t) {
                texts.add(t.getMessage());
                if (t instanceof SamsaraException se) {
                    texts.add(se.userMessage());
                    texts.add(se.samsaraMessage().orElse(""));
                }
            }
        }
        assertThat(logs.list).as("the client logs its calls").isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(e.getThrowableProxy().getMessage());
            }
        }
        String basic = Base64.getEncoder().encodeToString(("rigsync-app:" + SECRET).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(TOKEN, REFRESHED, SECRET, REFRESH, CODE, DRIVER_CODE, DRIVER_TOKEN, basic)) {
            assertThat(texts).as("nothing reported contains " + secret).noneMatch(t -> t != null && t.contains(secret));
        }
        assertThat(texts).anyMatch(t -> t.contains("[redacted]"));
    }
}
