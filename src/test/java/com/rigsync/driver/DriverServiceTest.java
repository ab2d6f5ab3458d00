package com.rigsync.driver;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rigsync.SpringAppTest;
import com.rigsync.integration.AuthKind;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.IntegrationTestAccess.TestDepartment;
import com.rigsync.samsara.MissingScopeException;
import com.rigsync.samsara.SamsaraClient;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.TokenSource;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Driver lists and login tokens against a Samsara faked at the HTTP edge, on the real database. */
@SpringAppTest
@ExtendWith(OutputCaptureExtension.class)
class DriverServiceTest {

    private static final String REGION = "test-fake-drivers";
    private static final FakeSamsara samsara = new FakeSamsara();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private DriverService service;
    @Autowired
    private LoginCodes codes;

    private TestDepartment department;

    @BeforeEach
    void connectADepartmentToTheFake() {
        samsara.reset();
        service.forgetListedDrivers();
        department = IntegrationTestAccess.departmentConnectedWith(context, jdbc, "fake-api-token-" + UUID.randomUUID(),
                REGION, samsara.baseUrl());
        samsara.driverListRequests = 0; // connecting checked the drivers endpoint once
    }

    @AfterEach
    void removeTheDepartment() {
        SecurityContextHolder.clearContext();
        IntegrationTestAccess.removeDepartment(jdbc, department);
    }

    @AfterAll
    static void stopTheFake() {
        samsara.close();
    }

    @Test
    void codesAreLongRandomAndEasyToReadOut() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String code = codes.next();
            assertThat(code).hasSizeGreaterThanOrEqualTo(16);
            assertThat(code.chars()).allMatch(c -> LoginCodes.ALPHABET.indexOf(c) >= 0);
            assertThat(code).doesNotContainAnyWhitespaces().doesNotContain("0", "O", "1", "l", "I");
            seen.add(code);
        }
        assertThat(seen).hasSize(500);
    }

    @Test
    void aTokenIsRequestedWithExactlyOneIdentifierAndAFreshCodeEachTime() {
        SignIn.as(users, department.admin());

        IssuedLoginToken first = issued(service.issueLoginToken(FakeSamsara.SUSAN));
        IssuedLoginToken second = issued(service.issueLoginToken(FakeSamsara.SUSAN));

        assertThat(samsara.authTokenBodies).hasSize(2);
        for (String body : samsara.authTokenBodies) {
            JsonNode sent = JSON.readTree(body);
            assertThat(sent.propertyNames()).containsExactlyInAnyOrder("code", "driverId");
            assertThat(sent.get("driverId").isNumber()).isTrue();
            assertThat(sent.get("driverId").asLong()).isEqualTo(123L);
            assertThat(sent.get("code").asString()).hasSizeGreaterThanOrEqualTo(16);
        }
        assertThat(JSON.readTree(samsara.authTokenBodies.get(0)).get("code").asString()).isEqualTo(first.code());
        assertThat(JSON.readTree(samsara.authTokenBodies.get(1)).get("code").asString()).isEqualTo(second.code());
        assertThat(first.code()).isNotEqualTo(second.code());
        assertThat(first.token()).isEqualTo(samsara.issuedTokens.get(0));
        assertThat(first.driver().label()).isEqualTo("Susan Jones (SusanJones)");
        assertThat(first.expiresAt()).isNotNull();
    }

    @Test
    void neitherTheTokenNorTheCodeIsStoredLoggedOrAudited(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        // everything RigSync and its HTTP client would say, not only what a production log level lets through
        logging.setLogLevel("com.rigsync", LogLevel.TRACE);
        logging.setLogLevel("okhttp3", LogLevel.TRACE);
        LoginTokenResult result;
        try {
            SignIn.as(users, department.admin());
            result = service.issueLoginToken(FakeSamsara.SUSAN);
        } finally {
            logging.setLogLevel("com.rigsync", null);
            logging.setLogLevel("okhttp3", null);
        }
        IssuedLoginToken issued = issued(result);
        String token = issued.token();
        String code = issued.code();

        List<Map<String, Object>> audit = jdbc.queryForList("select actor, action, target, detail from audit_event "
                + "where department_id = ? and action like 'DRIVER%'", department.id());
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.get("action")).isEqualTo("DRIVER_LOGIN_TOKEN_ISSUED");
            assertThat(event.get("actor")).isEqualTo(department.admin());
            assertThat(event.get("target")).isEqualTo("Susan Jones (Samsara driver 123)");
            assertThat((String) event.get("detail")).contains("SusanJones");
        });
        assertThat(rowsAnywhereContaining(token)).as("rows holding the token").isEmpty();
        assertThat(rowsAnywhereContaining(code)).as("rows holding the code").isEmpty();
        assertThat(output.getAll()).contains("Driver login token issued for Samsara driver 123")
                .doesNotContain(token).doesNotContain(code);
        assertThat(result.toString()).doesNotContain(token).doesNotContain(code);
        assertThat(issued.toString()).doesNotContain(token).doesNotContain(code);
    }

    @Test
    void dataManagersMayListButNeverIssue() {
        SignIn.as(users, department.manager());

        assertThat(service.list(false)).isInstanceOf(DriverListing.Loaded.class);
        assertThat(service.mayIssueLoginTokens()).isFalse();
        assertThatThrownBy(() -> service.issueLoginToken(FakeSamsara.SUSAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.issueLoginTokenInBackground(FakeSamsara.SUSAN))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(samsara.authTokenBodies).isEmpty();
    }

    @Test
    void onlyActiveDriversOfTheDepartmentsListGetTokens() {
        SignIn.as(users, department.admin());

        assertThat(refusal(service.issueLoginToken("999"))).isEqualTo("Samsara lists no such driver for your "
                + "department. Refresh the list and try again.");
        assertThat(refusal(service.issueLoginToken(FakeSamsara.OLD_TIMER))).startsWith("Old Timer (OldTimer) is "
                + "deactivated in Samsara");
        assertThat(samsara.authTokenBodies).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action like "
                + "'DRIVER%'", Integer.class, department.id())).isZero();
    }

    @Test
    void withoutTheWriteScopeAnApiTokenIsToldWhichScopeToSelect() {
        SignIn.as(users, department.admin());
        samsara.authTokenStatus = 403;

        assertThat(refusal(service.issueLoginToken(FakeSamsara.SUSAN)))
                .contains("Settings > API Tokens").contains("'Write Driver Auth Token'")
                .contains("Global Read does not include it")
                .as("every cause of a 403: scope, tags, licence").contains("limited to some tags", "licence")
                .endsWith("No login token was issued.");
    }

    @Test
    void withoutTheWriteScopeAnOAuthConnectionIsToldToReconnectWithAdminWrite() {
        samsara.authTokenStatus = 403;
        MissingScopeException missing;
        try (SamsaraClient client = SamsaraClient.builder().baseUrl(samsara.baseUrl()).build()) {
            missing = catchThrowableOfType(MissingScopeException.class,
                    () -> client.session(TokenSource.of("an-oauth-access-token")).issueDriverAuthToken(123, codes.next()));
        }

        assertThat(DriverService.issueFailure(AuthKind.OAUTH, missing))
                .contains("'admin:write'").contains("Connect with Samsara again under Setup > Settings")
                .doesNotContain("API Tokens");
    }

    @Test
    void aRateLimitSaysWhenToTryAgainAndIsNotRepeated() {
        SignIn.as(users, department.admin());
        samsara.authTokenStatus = 429;

        assertThat(refusal(service.issueLoginToken(FakeSamsara.SUSAN))).as("Samsara's Retry-After: 37.5 s")
                .endsWith("No login token was issued; try again in 38 seconds.");
        assertThat(samsara.authTokenBodies).as("a POST is never repeated by the client").hasSize(1);
    }

    @Test
    void listingFailuresSayWhatIsWrongAndA401MarksTheConnection() {
        SignIn.as(users, department.manager());

        samsara.driversStatus = 403;
        assertThat(failure(service.list(true))).contains("read drivers").contains("'Read Drivers'")
                .contains("limited to some tags", "licence");
        samsara.driversStatus = 503;
        assertThat(failure(service.list(true))).isEqualTo("Samsara cannot be reached right now. Try again later.");
        samsara.driversStatus = 401;
        assertThat(failure(service.list(true))).startsWith("Samsara rejected your department's token");
        assertThat(jdbc.queryForObject("select health from samsara_connection where department_id = ?",
                String.class, department.id())).isEqualTo("NEEDS_ATTENTION");
    }

    @Test
    void theListIsKeptForAFewMinutesAndRefreshReadsItAgain() {
        SignIn.as(users, department.manager());

        DriverDirectory first = ((DriverListing.Loaded) service.list(false)).directory();
        assertThat(first.drivers()).extracting(SamsaraDriver::label)
                .containsExactly("Old Timer (OldTimer)", "Susan Jones (SusanJones)");
        assertThat(samsara.driverListRequests).as("active and deactivated drivers").isEqualTo(2);

        assertThat(((DriverListing.Loaded) service.list(false)).directory()).isSameAs(first);
        assertThat(samsara.driverListRequests).isEqualTo(2);

        assertThat(((DriverListing.Loaded) service.list(true)).directory()).isNotSameAs(first);
        assertThat(samsara.driverListRequests).isEqualTo(4);
    }

    private static IssuedLoginToken issued(LoginTokenResult result) {
        assertThat(result).isInstanceOf(LoginTokenResult.Issued.class);
        return ((LoginTokenResult.Issued) result).token();
    }

    private static String refusal(LoginTokenResult result) {
        assertThat(result).isInstanceOf(LoginTokenResult.Refused.class);
        return ((LoginTokenResult.Refused) result).message();
    }

    private static String failure(DriverListing listing) {
        assertThat(listing).isInstanceOf(DriverListing.Failed.class);
        return ((DriverListing.Failed) listing).message();
    }

    /** "table.column" of every text column, in every table of the schema, that holds {@code secret}. */
    private List<String> rowsAnywhereContaining(String secret) {
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
                + "information_schema.columns where table_schema = database() and data_type in "
                + "('char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'json')");
        assertThat(columns).isNotEmpty();
        return columns.stream()
                .filter(c -> jdbc.queryForObject("select count(*) from `" + c.get("table_name") + "` where `"
                        + c.get("column_name") + "` like ?", Integer.class, "%" + secret + "%") > 0)
                .map(c -> c.get("table_name") + "." + c.get("column_name")).toList();
    }
}
