package com.rigsync.operations;

import java.util.List;
import java.util.Map;

import com.rigsync.SpringAppTest;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.testing.Prometheus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.rigsync.testing.Prometheus.OPERATOR;
import static com.rigsync.testing.Prometheus.OPERATOR_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer, an operator and anyone else get from /actuator over HTTP on the app's own port: probes open
 * without details, health details and metrics only for the management account.
 */
@SpringAppTest
class ManagementEndpointsTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLoadBalancerReadsLivenessAndReadinessWithoutSigningInAndLearnsNothingElse() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = Prometheus.get(port, probe, null, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        var health = Prometheus.get(port, "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("components", "db", "samsara", "dbScheduler");
    }

    @Test
    void theOperatorSeesTheDatabaseTheSchedulerAndSamsaraInTheHealthDetails() {
        var health = Prometheus.get(port, "/actuator/health", OPERATOR, OPERATOR_PASSWORD);

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = JsonMapper.builder().build().readTree(health.body()).path("components");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("dbScheduler").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("samsara").path("status").asString()).isIn("UP", "DEGRADED");
        assertThat(health.body()).as("probed without a token, so Samsara says 401")
                .doesNotContain("samsara-demo-global-read");
    }

    @Test
    void theOperatorSeesWhetherEachSamsaraRegionInUseAnswersWithoutAnyTokenBeingSent() {
        String reachable = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        String unreachable = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        IntegrationTestAccess.makeSamsaraUnreachableFor(jdbc, unreachable);
        try {
            var health = Prometheus.get(port, "/actuator/health", OPERATOR, OPERATOR_PASSWORD);

            JsonNode samsara = JsonMapper.builder().build().readTree(health.body()).path("components")
                    .path("samsara");
            assertThat(samsara.path("status").asString()).isEqualTo("DEGRADED");
            assertThat(samsara.path("details").path("test-simulated").asString())
                    .startsWith("reachable").contains("answered HTTP 401 without a token");
            assertThat(samsara.path("details").path("test-down").asString()).startsWith("no answer");
            assertThat(health.statusCode()).as("a Samsara outage does not take RigSync out").isEqualTo(200);
            assertThat(Prometheus.get(port, "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        } finally {
            IntegrationTestAccess.removeDepartmentOf(jdbc, reachable);
            IntegrationTestAccess.removeDepartmentOf(jdbc, unreachable);
        }
    }

    @Test
    void metricsAreClosedToAnonymousCallersWrongPasswordsAndPeoplesOwnAccounts() {
        assertThat(Prometheus.get(port, "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(Prometheus.get(port, "/actuator/prometheus", OPERATOR, "wrong-password-here").statusCode())
                .isEqualTo(401);
        assertThat(Prometheus.get(port, "/actuator/prometheus", "admin", "rigsync-demo").statusCode())
                .as("a department administrator is no operator").isEqualTo(401);
        assertThat(Prometheus.get(port, "/actuator/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(Prometheus.get(port, "/actuator/health", "admin", "rigsync-demo").statusCode())
                .as("wrong management credentials are refused even where the status alone is open").isEqualTo(401);
    }

    @Test
    void theOperatorScrapesPrometheusWithRequestTimesAsHistogramsAndSignedInSessions() {
        Prometheus.get(port, "/actuator/health/liveness", null, null);

        String scrape = Prometheus.scrape(port);

        assertThat(scrape).contains("# TYPE http_server_requests_seconds histogram",
                "http_server_requests_seconds_bucket{", "rigsync_sessions_signed_in ");
        assertThat(Prometheus.sum(scrape, "http_server_requests_seconds_count",
                Map.of("uri", "/actuator/health/**"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape).as("no secret in the metrics").doesNotContain(OPERATOR_PASSWORD, "rigsync-demo-app-secret");
    }

    @Test
    void vaadinsOwnRequestsAreTimedUnderTheirOwnNames() {
        // a screen's first load, as a browser makes it (the sign-in page, open to all)
        assertThat(Prometheus.get(port, "/login", null, null).statusCode()).isEqualTo(200);
        // a UIDL round trip without a UI: Vaadin answers it (with a resynchronisation), and it is timed all the same
        Prometheus.get(port, "/?v-r=uidl&v-uiId=0", null, null);

        String scrape = Prometheus.scrape(port);

        assertThat(Prometheus.sum(scrape, "http_server_requests_seconds_count", Map.of("uri", "vaadin page")))
                .isGreaterThanOrEqualTo(1);
        assertThat(Prometheus.sum(scrape, "http_server_requests_seconds_count", Map.of("uri", "vaadin uidl")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape).doesNotContain("uri=\"UNKNOWN\"");
    }
}
