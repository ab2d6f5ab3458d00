package com.rigsync.apparatus;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.security.SignedInUser;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bulk "Find Samsara IDs by VIN" for 5,000 unlinked apparatus against a simulated Samsara of 5,000 vehicles: wall
 * time and Samsara requests of the preview with no vehicle list yet (aim: at most the 10 list pages) and with a fresh
 * one (aim: none), and of Apply. Runs only with {@code ./mvnw -Pbench verify} (aim: under 2 s).
 */
@SpringAppTest
class BulkMatchBenchmark {

    private static final int SIZE = 5_000;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private SamsaraLinking service;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void bulkMatch5000ApparatusAgainst5000Vehicles() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        SimulatedSamsara samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(SIZE), System::nanoTime);
        String manager = null;
        try (SimulatedSamsaraServer server = SimulatedSamsaraServer.start(samsara)) {
            manager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, "bench-5000", server.baseUrl(),
                    List.of());
            long departmentId = jdbc.queryForObject("select department_id from app_user where username = ?",
                    Long.class, manager);
            List<SimulatedVehicle> fleet = samsara.vehicles();
            List<Object[]> batch = new ArrayList<>();
            for (int n = 0; n < SIZE; n++) {
                String vin = fleet.get(n).vin();
                if (n % 50 == 1) {
                    vin = vin.substring(0, vin.length() - 1) + (vin.endsWith("7") ? "8" : "7"); // near miss
                } else if (n % 50 == 2) {
                    vin = String.format(Locale.ROOT, "9XTBENCH%09d", n); // no match
                }
                batch.add(new Object[] {departmentId, "Bench " + n, vin, vin});
            }
            jdbc.batchUpdate("""
                    insert into apparatus (department_id, unit_name, type, vin, vin_normalized, status, link_flag,
                        version)
                    values (?, ?, 'ENGINE', ?, ?, 'IN_SERVICE', 'NONE', 0)""", batch);
            SignedInUser user = (SignedInUser) users.loadUserByUsername(manager);
            SignIn.as(user);

            int requests = samsara.requestCount();
            long start = System.nanoTime();
            BulkMatchPreview cold = service.previewBulkMatch(List.of());
            double coldMs = (System.nanoTime() - start) / 1e6;
            int coldRequests = samsara.requestCount() - requests;

            requests = samsara.requestCount();
            start = System.nanoTime();
            BulkMatchPreview warm = service.previewBulkMatch(List.of());
            double warmMs = (System.nanoTime() - start) / 1e6;
            int warmRequests = samsara.requestCount() - requests;

            List<BulkMatchPreview.Accepted> accepted = warm.rows().stream()
                    .filter(r -> r.kind() == BulkMatchPreview.Kind.EXACT)
                    .map(r -> new BulkMatchPreview.Accepted(r.apparatusId(), r.candidates().getFirst().vehicle()
                            .samsaraId())).toList();
            start = System.nanoTime();
            int linked = service.applyBulkMatch(accepted);
            double applyMs = (System.nanoTime() - start) / 1e6;

            System.out.println();
            System.out.println("=== BulkMatchBenchmark ===");
            System.out.printf(Locale.ROOT, "%d apparatus vs %d Samsara vehicles: %d exact, %d near miss, %d no match, "
                    + "%d conflict%n", SIZE, fleet.size(), warm.count(BulkMatchPreview.Kind.EXACT),
                    warm.count(BulkMatchPreview.Kind.NEAR_MISS), warm.count(BulkMatchPreview.Kind.NO_MATCH),
                    warm.count(BulkMatchPreview.Kind.CONFLICT));
            System.out.printf(Locale.ROOT, "preview, no vehicle list yet: %.0f ms, %d Samsara requests (aim: <= 10)%n",
                    coldMs, coldRequests);
            System.out.printf(Locale.ROOT, "preview, fresh vehicle list : %.0f ms, %d Samsara requests (aim: 0)%n",
                    warmMs, warmRequests);
            System.out.printf(Locale.ROOT, "apply %d links in one transaction: %.0f ms%n", linked, applyMs);

            assertThat(cold.rows()).hasSize(SIZE);
            assertThat(coldRequests).isLessThanOrEqualTo(10);
            assertThat(warmRequests).isZero();
            assertThat(linked).isEqualTo(accepted.size());
        } finally {
            SecurityContextHolder.clearContext();
            if (manager != null) {
                IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
            }
        }
    }
}
