package com.rigsync.integration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.rigsync.SpringAppTest;
import com.rigsync.samsara.TagFilter;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded pool the Settings checks run on: its limits, its refusal, and the role check on the caller's thread. */
@SpringAppTest
class SamsaraCheckPoolTest {

    private static final String TOKEN = "pool-test-token-7f3a9c";

    @Autowired
    private SamsaraSettingsService service;
    @Autowired
    @Qualifier(SamsaraClientConfiguration.SAMSARA_CHECKS)
    private ThreadPoolTaskExecutor pool;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private com.rigsync.demo.simulator.SimulatedSamsara samsara;

    private TestDepartments department;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        if (department != null) {
            department.delete(jdbc);
        }
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }

    @Test
    void thePoolIsBoundedWithNeutralThreadNamesAndLeavesBootsOwnExecutorAlone() {
        assertThat(pool.getMaxPoolSize()).isEqualTo(4);
        assertThat(pool.getQueueCapacity()).isEqualTo(20);
        assertThat(pool.getThreadNamePrefix()).isEqualTo("samsara-check-");
        // injected by name only: Spring Boot still makes the application's own task executor
        assertThat(context.containsBean("applicationTaskExecutor")).isTrue();
    }

    @Test
    void aFullPoolRefusesAtOnceWithAPlainMessageAndNothingOfTheTask() throws Exception {
        department = TestDepartments.create(jdbc, true);
        signInAs(department.admin());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(pool.getMaxPoolSize());
        List<Future<?>> holding = new ArrayList<>();
        try {
            // first occupy every thread, then fill the queue: threads left idle by earlier tests take tasks from the
            // queue, so filling both at once could race them
            for (int i = 0; i < pool.getMaxPoolSize() + pool.getQueueCapacity(); i++) {
                if (i == pool.getMaxPoolSize()) {
                    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
                }
                holding.add(pool.submit(() -> {
                    running.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    return null;
                }));
            }
            String caller = Thread.currentThread().getName();

            CompletableFuture<ConnectionTestReport> refused = service.testConnectionInBackground(TOKEN,
                    TestSamsara.SIMULATED, TagFilter.none());

            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage(SamsaraSettingsService.BUSY)
                    .hasNoCause();
            StringWriter trace = new StringWriter();
            refused.handle((report, error) -> {
                error.printStackTrace(new PrintWriter(trace));
                return null;
            });
            assertThat(trace.toString()).doesNotContain(TOKEN);
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
        } finally {
            release.countDown();
            for (Future<?> held : holding) {
                held.get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void oneDepartmentPressingTestRepeatedlyTakesTwoPlacesAndAnotherDepartmentStillGetsItsAnswer() throws Exception {
        department = TestDepartments.create(jdbc, true);
        TestDepartments other = TestDepartments.create(jdbc, true);
        samsara.setResponseDelay(java.time.Duration.ofSeconds(2));
        try {
            signInAs(department.admin());
            List<CompletableFuture<ConnectionTestReport>> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(service.testConnectionInBackground(TOKEN, TestSamsara.SIMULATED, TagFilter.none()));
            }
            // two are under way; the other eight are refused at once, in words for this department
            assertThat(first.stream().filter(CompletableFuture::isCompletedExceptionally)).hasSize(8);
            assertThatThrownBy(first.getLast()::get).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessage("Your department's earlier Samsara calls are still running. Wait for their answers, "
                            + "then try again.");

            signInAs(other.admin());
            ConnectionTestReport answer = service.testConnectionInBackground(TOKEN, TestSamsara.SIMULATED, TagFilter.none())
                    .get(60, TimeUnit.SECONDS);
            assertThat(answer).isNotNull();
            for (CompletableFuture<ConnectionTestReport> call : first.subList(0, 2)) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isNotNull();
            }
            // once its answers are in, the first department may test again
            signInAs(department.admin());
            assertThat(service.testConnectionInBackground(TOKEN, TestSamsara.SIMULATED, TagFilter.none())
                    .get(60, TimeUnit.SECONDS)).isNotNull();
        } finally {
            samsara.resetFaults();
            other.delete(jdbc);
        }
    }

    @Test
    void theBackgroundVariantsCheckTheRoleOnTheCallersThread() {
        signInAs("member");
        assertThatThrownBy(() -> service.testConnectionInBackground(TOKEN, TestSamsara.SIMULATED, TagFilter.none()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.saveInBackground(new SettingsChange(true, TestSamsara.SIMULATED, List.of(),
                TOKEN, false, false, null))).isInstanceOf(AccessDeniedException.class);
        signInAs("success");
        assertThatThrownBy(() -> service.saveInBackground(new SettingsChange(true, TestSamsara.SIMULATED, List.of(),
                TOKEN, false, false, null))).isInstanceOf(AccessDeniedException.class);
    }
}
