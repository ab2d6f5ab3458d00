package com.rigsync.samsara;

import com.rigsync.testing.NoDelayServerSockets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Lists 50,000 vehicles and reads three stat types for all of them, as a full sync would, and prints the figures.
 * Runs only with {@code ./mvnw -Pbench verify}. By default against a loopback fake (pages of 512 prepared up
 * front); with {@code -Dbench.samsara.url=URL -Dbench.samsara.token=TOKEN} against any Samsara-compatible server.
 * Add {@code -DargLine=-Xmx256m} to prove the heap aim.
 */
class SamsaraClientBenchmark {

    private static final int VEHICLES = 50_000;
    private static final int PAGE = 512;
    private static final int PAGES = (VEHICLES + PAGE - 1) / PAGE;
    private static final int WARM_ROUNDS = 5;
    private static final Set<StatType> TYPES = EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.OBD_ENGINE_SECONDS,
            StatType.GPS);
    private static final String FAKE_TOKEN = "bench-token";

    @Test
    void fullSyncOf50000Vehicles() throws Exception {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.rigsync.samsara")).setLevel(Level.INFO);
        java.util.logging.Logger.getLogger(MockWebServer.class.getName()).setLevel(java.util.logging.Level.WARNING);
        String externalUrl = System.getProperty("bench.samsara.url");
        String externalToken = System.getProperty("bench.samsara.token");
        boolean external = externalUrl != null && !externalUrl.isBlank();
        if (external && (externalToken == null || externalToken.isBlank())) {
            throw new IllegalArgumentException("-Dbench.samsara.url needs -Dbench.samsara.token too");
        }
        boolean throttle = Boolean.parseBoolean(System.getProperty("bench.samsara.throttle", external ? "true" : "false"));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MockWebServer server = null;
        long heapBeforeFake = usedAfterGc(memory);
        String baseUrl = externalUrl;
        if (!external) {
            server = new MockWebServer();
            server.setServerSocketFactory(new NoDelayServerSockets());
            server.setDispatcher(new FakeFleet());
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            baseUrl = server.url("/simulated-samsara").toString();
        }
        long heapBaseline = usedAfterGc(memory);

        System.out.println();
        System.out.println("=== SamsaraClientBenchmark ===");
        System.out.printf(Locale.ROOT, "server: %s%n", external ? externalUrl + " (external)"
                : "loopback MockWebServer fake, " + VEHICLES + " vehicles, pages of " + PAGE
                        + String.format(Locale.ROOT, ", prepared pages hold %.1f MB of heap",
                                mb(heapBaseline - heapBeforeFake)));
        System.out.printf(Locale.ROOT, "JVM %s, max heap %.0f MB, client-side throttle %s%n",
                System.getProperty("java.version"), mb(memory.getHeapMemoryUsage().getMax()), throttle ? "ON" : "OFF");

        List<Double> warm = new ArrayList<>();
        long peak = 0;
        long live = 0;
        Round first = null;
        try (SamsaraClient client = SamsaraClient.builder().baseUrl(baseUrl).throttle(throttle).build()) {
            TokenSource token = TokenSource.of(external ? externalToken : FAKE_TOKEN);
            for (int i = 0; i <= WARM_ROUNDS; i++) {
                HeapSampler sampler = new HeapSampler(memory);
                Round r = round(client.session(token));
                peak = Math.max(peak, sampler.stop());
                // what the round's result really keeps alive: the 50,000 merged stats, measured while still held
                live = Math.max(live, usedAfterGc(memory) - heapBaseline);
                assertThat(r.stats()).isNotNull();
                if (i == 0) {
                    first = r;
                    System.out.printf(Locale.ROOT, "cold round: %,d ms (%d requests: %d vehicles, %d vehicles with stats)%n",
                            r.millis, r.requests, r.vehicles, r.withStats);
                } else {
                    warm.add((double) r.millis);
                    System.out.printf(Locale.ROOT, "warm round %d: %,d ms (%d requests)%n", i, r.millis, r.requests);
                }
                if (!external) {
                    assertThat(r.requests).as("98 list pages + 98 stats pages, nothing more")
                            .isEqualTo(2L * PAGES);
                    assertThat(r.vehicles).isEqualTo(VEHICLES);
                    assertThat(r.withStats).isEqualTo(VEHICLES);
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        warm.sort(Double::compare);
        double median = warm.get(warm.size() / 2);

        // what the documented limits impose, whatever the client's speed
        double listPages = first.listPages;
        double statsPages = first.statsPages;
        double documented = listPages / 25.0 + statsPages / Throttle.PER_TOKEN_PER_SECOND;
        Duration throttled = simulatedThrottleWait(listPages, statsPages);

        System.out.printf(Locale.ROOT, "requests per round: %d (minimum %d = %d list pages + %d stats pages)%n",
                first.requests, 2 * PAGES, PAGES, PAGES);
        System.out.printf(Locale.ROOT, "client time, warm: median %,.0f ms, best %,.0f ms (aim: under 2,000 ms)%n",
                median, warm.getFirst());
        System.out.printf(Locale.ROOT, "rate limits would add: %.2f s at the documented rates (%d list pages at 25/s"
                + " = %.2f s, %d stats pages at 150/s = %.2f s); this client's throttle, which lets a first second's"
                + " burst through, waits %.2f s (simulated clock)%n", documented, (int) listPages, listPages / 25.0,
                (int) statsPages, statsPages / 150.0, throttled.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "peak heap used (sampled every 2 ms): %.1f MB, of which the fake's pages %.1f MB"
                + " and JVM/test baseline %.1f MB (aim: under 256 MB)%s%n", mb(peak), mb(heapBaseline - heapBeforeFake),
                mb(heapBeforeFake), memory.getHeapMemoryUsage().getMax() > 256L << 20
                        ? "; with a max heap this large the GC runs lazily, so this overstates the need:"
                                + " add -DargLine=-Xmx256m to prove the aim" : "");
        System.out.printf(Locale.ROOT, "live heap held by a round's result (50,000 merged stats, after GC): %.1f MB%n",
                mb(live));
        System.out.println("==============================");
        if (!external) {
            assertThat(median).as("warm client time").isLessThan(2000);
        }
    }

    private record Round(long millis, long requests, long vehicles, long withStats, long listPages, long statsPages,
            Map<String, VehicleStats> stats) {
    }

    private static Round round(SamsaraSession session) {
        long start = System.nanoTime();
        AtomicLong vehicles = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        session.vehicles(VehicleQuery.all()).forEach(v -> {
            vehicles.incrementAndGet();
            checksum.addAndGet(v.vin() == null ? 0 : v.vin().length());
        });
        long listRequests = session.requestCount();
        Map<String, VehicleStats> stats = session.stats(TYPES, StatsQuery.allVehicles());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long withStats = stats.values().stream().filter(s -> s.odometerMeters().isPresent() && s.gps() != null).count();
        return new Round(millis, session.requestCount(), vehicles.get(), withStats, listRequests,
                session.requestCount() - listRequests, stats);
    }

    /** Runs the throttle alone on a fake clock for one round's requests: the wait it would impose. */
    private static Duration simulatedThrottleWait(double listPages, double statsPages) throws InterruptedException {
        FakeTime time = new FakeTime();
        Throttle t = new Throttle(time, time);
        for (int i = 0; i < listPages; i++) {
            t.acquire(FAKE_TOKEN, "11235813", Endpoint.VEHICLES);
        }
        for (int i = 0; i < statsPages; i++) {
            t.acquire(FAKE_TOKEN, "11235813", Endpoint.VEHICLE_STATS);
        }
        return time.totalSlept();
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Samples used heap on a daemon thread; the peak is an upper bound of what the round needed at once. */
    private static final class HeapSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        HeapSampler(MemoryMXBean memory) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }

    /** 50,000 vehicles with 15-digit ids; every page prepared once so the fake costs the round almost nothing. */
    private static final class FakeFleet extends Dispatcher {
        private final String[] vehiclePages = new String[PAGES];
        private final String[] statsPages = new String[PAGES];

        FakeFleet() {
            String[] makes = {"Pierce", "E-ONE", "Rosenbauer", "Spartan", "Ford", "Freightliner"};
            for (int p = 0; p < PAGES; p++) {
                StringBuilder v = new StringBuilder(PAGE * 400).append("{\"data\":[");
                StringBuilder s = new StringBuilder(PAGE * 400).append("{\"data\":[");
                for (int i = p * PAGE; i < Math.min(VEHICLES, (p + 1) * PAGE); i++) {
                    String id = Long.toString(281474976710656L + i * 7919L);
                    if (i > p * PAGE) {
                        v.append(',');
                        s.append(',');
                    }
                    v.append("{\"id\":\"").append(id).append("\",\"name\":\"Engine ").append(i)
                            .append("\",\"vin\":\"1FVACYDT2").append(String.format(Locale.ROOT, "%08d", i))
                            .append("\",\"make\":\"").append(makes[i % makes.length])
                            .append("\",\"model\":\"Enforcer\",\"year\":\"").append(1995 + i % 30)
                            .append("\",\"licensePlate\":\"6SAM").append(i % 1000)
                            .append("\",\"externalIds\":{\"firstdue.apparatusId\":\"").append(i)
                            .append("\"},\"tags\":[{\"id\":\"3914\",\"name\":\"Station ").append(i % 40)
                            .append("\",\"parentTagId\":\"4815\"}],\"createdAtTime\":\"2019-05-18T20:27:35Z\","
                                    + "\"updatedAtTime\":\"2024-06-13T19:08:25Z\"}");
                    s.append("{\"id\":\"").append(id).append("\",\"name\":\"Engine ").append(i)
                            .append("\",\"obdOdometerMeters\":{\"time\":\"2024-06-13T19:08:25Z\",\"value\":")
                            .append(10_000_000L + i * 13L)
                            .append("},\"obdEngineSeconds\":{\"time\":\"2024-06-13T19:08:25Z\",\"value\":")
                            .append(1_000_000L + i * 7L)
                            .append("},\"gps\":{\"time\":\"2024-06-13T19:08:25Z\",\"latitude\":").append(37.0 + i * 1e-5)
                            .append(",\"longitude\":").append(-122.0 - i * 1e-5)
                            .append(",\"headingDegrees\":90.0,\"speedMilesPerHour\":0.0,\"reverseGeo\":"
                                    + "{\"formattedLocation\":\"1 Main St, Springfield\"}}}");
                }
                boolean more = p < PAGES - 1;
                String tail = "],\"pagination\":{\"endCursor\":\"" + (more ? "c" + (p + 1) : "")
                        + "\",\"hasNextPage\":" + more + "}}";
                vehiclePages[p] = v.append(tail).toString();
                statsPages[p] = s.append(tail).toString();
            }
        }

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            if (!("Bearer " + FAKE_TOKEN).equals(r.getHeaders().get("Authorization"))) {
                return new MockResponse.Builder().code(401).body("{\"message\":\"unknown token\"}").build();
            }
            String after = r.getUrl().queryParameter("after");
            int page = after == null ? 0 : Integer.parseInt(after.substring(1));
            String path = r.getUrl().encodedPath();
            String[] pages = path.endsWith("/fleet/vehicles/stats") ? statsPages
                    : path.endsWith("/fleet/vehicles") ? vehiclePages : null;
            if (pages == null || page >= PAGES) {
                return new MockResponse.Builder().code(404).body("{\"message\":\"no such page\"}").build();
            }
            return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(pages[page]).build();
        }
    }
}
