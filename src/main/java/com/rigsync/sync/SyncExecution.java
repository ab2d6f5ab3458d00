package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SyncStanding;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the scheduler does with a department's sync execution: records the run, runs it, publishes its progress and
 * schedules the next one. db-scheduler picks an execution on one instance only, so this never runs twice at once
 * for a department; a RUNNING row found when a run starts can only be left by an execution that died (a run apart
 * marks its execution with {@link SyncRequest#apartUntil()} until it ends).
 */
@Component
class SyncExecution implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncExecution.class);
    static final String INTERRUPTED = "The app instance running this sync stopped before it finished. "
            + "The last good data is kept; the next sync carries on.";
    private static final String UNEXPECTED = "The sync stopped on an unexpected error. The last good data is kept; "
            + "the next sync tries again.";
    private static final Duration EVENT_SPACING = Duration.ofMillis(250);
    /** How often the run's row gets its progress, which the screens of the other instances read. */
    static final Duration ROW_SPACING = Duration.ofSeconds(2);
    /** How often a scheduler slot looks whether its run has gone quiet. */
    private static final Duration WATCH_SPACING = Duration.ofMillis(100);
    /** How long after its budget a run apart must have ended; its execution comes due then if nobody moved it. */
    static final Duration APART_MARGIN = Duration.ofMinutes(1);
    private static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(5);

    private final DepartmentSync departmentSync;
    private final SyncRuns runs;
    private final SamsaraConnections connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Apart apart;
    /** Room for runs apart on this instance. */
    private final Semaphore apartRoom;
    /** The threads runs go on: watched from a scheduler slot first, apart later if Samsara keeps them waiting. */
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
            .name("sync-run-", 1).factory());

    SyncExecution(DepartmentSync departmentSync, SyncRuns runs, SamsaraConnections connections,
                  ApplicationEventPublisher events, Clock clock, MeterRegistry metrics, Apart apart) {
        this.metrics = metrics;
        this.apart = apart;
        this.apartRoom = new Semaphore(apartCapacity());
        Gauge.builder("rigsync.sync.runs.apart", this, SyncExecution::runsApart)
                .description("Sync runs on this instance that wait on Samsara apart from the scheduler's slots")
                .register(metrics);
        this.departmentSync = departmentSync;
        this.runs = runs;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    /**
     * How runs that wait on a Samsara that does not answer give their scheduler slot back: such a run goes on
     * <em>apart</em>, on a thread of its own, and its execution is handed back to the scheduler (due again only if
     * this instance dies before the run ends), so the scheduler's slots stay free for the departments whose Samsara
     * answers.
     *
     * @param runs how many runs this instance may have apart at once; a run that finds them taken stays on its slot
     * @param after a run that has shown no progress (no Samsara answer, no page written) this long goes apart
     * @param runBudget a run's time budget (its Samsara calls end by then)
     * @param unansweredBudget the shorter budget of a run whose department's Samsara did not answer its last sync;
     *                         such a run goes apart at once
     * @param retry when a department whose Samsara did not answer finds no room apart, its sync comes back this much
     *              later (no run is recorded)
     */
    record Apart(int runs, Duration after, Duration runBudget, Duration unansweredBudget, Duration retry) {
    }

    /**
     * Runs the execution's sync; returns when it finished or went apart. {@code scheduler} reschedules the execution
     * when a run apart ends.
     */
    CompletionHandler<SyncRequest> execute(TaskInstance<SyncRequest> instance, String instanceName,
                                           SchedulerClient scheduler) {
        long departmentId = Long.parseLong(instance.getId());
        SyncRequest request = instance.getData() == null ? SyncRequest.scheduled() : instance.getData();
        Instant now = clock.instant();
        if (request.apartAt(now) && runs.running(departmentId).isPresent()) {
            // a run is going on apart (here or on another instance) and this execution came due early (moved by hand):
            // the run reschedules it when it ends
            log.info("Department {}'s sync is running apart until {} at the latest; this execution waits for it",
                    departmentId, request.apartUntil());
            return (complete, operations) -> operations.reschedule(complete, request.apartUntil(), request);
        }
        SyncStanding standing = connections.syncStanding(departmentId);
        SyncRequest asked = request.withoutApart();
        if (!standing.connected() || standing.paused() && asked.trigger() == SyncTrigger.SCHEDULED) {
            // Switched off, disconnected or paused: drop the schedule; the schedule keeper adds it back once the
            // department is connected and healthy again.
            log.info("Department {}'s sync is not due ({}); its schedule is dropped", departmentId,
                    standing.connected() ? "paused" : "not connected");
            return (complete, operations) -> operations.remove();
        }
        boolean unanswered = runs.samsaraUnansweredLastTime(departmentId);
        if (unanswered && !apartRoom.tryAcquire()) {
            // no room apart: give the slot back at once and come back a little later (no run is recorded)
            Instant later = now.plus(apart.retry());
            log.info("Department {}: Samsara did not answer its last sync and this instance has no room for another "
                    + "run apart; trying again at {}", departmentId, later);
            return (complete, operations) -> operations.reschedule(complete, later, asked);
        }
        Attempt attempt = new Attempt(departmentId, asked, instanceName, unanswered, scheduler);
        try {
            workers.execute(attempt::run);
        } catch (RuntimeException e) {
            if (unanswered) {
                apartRoom.release();
            }
            throw e;
        }
        return attempt.waitOnSlot();
    }

    /** Records the run, runs it and returns when the department syncs next. */
    private Instant run(long departmentId, SyncRequest request, String instanceName, Duration budget,
                        Runnable sign) {
        Instant started = clock.instant();
        int interrupted = runs.interruptRunning(departmentId, started, INTERRUPTED);
        if (interrupted > 0) {
            log.warn("Department {}: closed {} sync run(s) left running by a dead execution", departmentId,
                    interrupted);
        }
        long runId = runs.start(departmentId, request.trigger(), request.requestedBy(), started, instanceName);
        var progress = new Progress(departmentId, runId, request.trigger(), sign);
        progress.publish("Starting", 0, 0, SyncCounts.NONE, 0, false, SyncOutcome.RUNNING);
        SyncResult result;
        try {
            // a department whose Samsara did not answer last time gets a short budget
            result = budget == null ? departmentSync.run(departmentId, progress)
                    : departmentSync.run(departmentId, progress, budget);
        } catch (RuntimeException e) {
            log.error("Department {}'s sync run {} stopped on an unexpected error", departmentId, runId, e);
            result = new SyncResult(SyncOutcome.FAILED, progress.lastCounts, progress.lastApiCalls, UNEXPECTED);
        }
        Instant finished = clock.instant();
        runs.finish(runId, result.outcome(), result.counts(), result.apiCalls(), result.error(),
                result.samsaraUnanswered(), finished);
        Timer.builder("rigsync.sync.runs")
                .description("Department sync runs on this instance, by outcome and what started them")
                .tag("outcome", result.outcome().name())
                .tag("trigger", request.trigger().name())
                .register(metrics)
                .record(Duration.between(started, finished));
        progress.publish("Finished", 1, 1, result.counts(), result.apiCalls(), true, result.outcome());
        int interval = connections.syncStanding(departmentId).intervalMinutes();
        return finished.plus(Duration.ofMinutes(interval));
    }

    /** Runs going on apart on this instance now. */
    int runsApart() {
        return apartCapacity() - apartRoom.availablePermits();
    }

    private int apartCapacity() {
        return Math.max(1, apart.runs());
    }

    /** Lets the runs going on apart end (for up to a minute), then stops them; their next run picks up. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One run on a worker thread, watched from the scheduler slot that picked it until it ends or goes apart. Once
     * apart, its execution is handed back to the scheduler, due when the run must have ended at the latest (in case
     * this instance dies); the run moves it to the department's next sync when it ends.
     */
    private final class Attempt {
        private final long departmentId;
        private final SyncRequest request;
        private final String instanceName;
        private final SchedulerClient scheduler;
        private final boolean unanswered;
        /** When the execution comes due again if the run apart never moves it (its instance died). */
        private final Instant latest;
        private volatile long lastSign = System.nanoTime();
        // guarded by this
        private boolean ended;
        private Instant next;
        private boolean apartHere;
        private boolean handedBack;

        Attempt(long departmentId, SyncRequest request, String instanceName, boolean unanswered,
                SchedulerClient scheduler) {
            this.departmentId = departmentId;
            this.request = request;
            this.instanceName = instanceName;
            this.unanswered = unanswered;
            this.scheduler = scheduler;
            this.apartHere = unanswered;
            this.latest = clock.instant().plus(unanswered ? apart.unansweredBudget() : apart.runBudget())
                    .plus(APART_MARGIN);
        }

        /** On a worker thread. */
        void run() {
            Instant when;
            try {
                when = SyncExecution.this.run(departmentId, request, instanceName,
                        unanswered ? apart.unansweredBudget() : null, this::sign);
            } catch (RuntimeException e) {
                // the run could not be recorded (the database unreachable): the department syncs again later
                log.error("Department {}'s sync could not run; it tries again in {}", departmentId,
                        RETRY_AFTER_ERROR, e);
                when = clock.instant().plus(RETRY_AFTER_ERROR);
            }
            synchronized (this) {
                ended = true;
                next = when;
                notifyAll();
                if (handedBack) {
                    rescheduleAfterApart(when);
                }
                if (apartHere) {
                    apartRoom.release();
                }
            }
        }

        void sign() {
            lastSign = System.nanoTime();
        }

        /** On the scheduler slot: waits until the run ends or goes apart. */
        synchronized CompletionHandler<SyncRequest> waitOnSlot() {
            long quietLimit = apart.after().toNanos();
            while (!ended && !apartHere) {
                if (System.nanoTime() - lastSign >= quietLimit && apartRoom.tryAcquire()) {
                    apartHere = true;
                    log.info("Department {}'s sync has heard nothing from Samsara for {} s; it goes on apart and "
                            + "gives its scheduler slot back", departmentId, apart.after().toSeconds());
                    break;
                }
                try {
                    wait(WATCH_SPACING.toMillis());
                } catch (InterruptedException e) {
                    // the scheduler is stopping: the run goes on by itself, its execution due again if it never ends
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return (complete, operations) -> {
                synchronized (Attempt.this) {
                    if (ended) {
                        operations.reschedule(complete, next, SyncRequest.scheduled());
                    } else {
                        operations.reschedule(complete, latest, request.apartUntil(latest));
                        handedBack = true;
                    }
                }
            };
        }

        private void rescheduleAfterApart(Instant when) {
            TaskInstanceId id = SyncTask.of(departmentId);
            for (int attempt = 1; ; attempt++) {
                try {
                    scheduler.reschedule(id, when, SyncRequest.scheduled());
                    return;
                } catch (RuntimeException e) {
                    if (attempt == 3) {
                        log.warn("Department {}'s next sync could not be set after its run apart; it comes at {} "
                                + "instead", departmentId, latest, e);
                        return;
                    }
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * The instance running this execution stopped sending heartbeats: it is dead. Its run is closed as interrupted
     * and the department syncs again at once.
     */
    void deadExecution(ExecutionComplete complete, ExecutionOperations<SyncRequest> operations) {
        long departmentId = Long.parseLong(complete.getExecution().taskInstance.getId());
        Instant now = clock.instant();
        int interrupted = runs.interruptRunning(departmentId, now, INTERRUPTED);
        log.warn("Department {}'s sync execution on {} lost its heartbeat; {} run(s) closed as interrupted, "
                + "syncing again now", departmentId, complete.getExecution().pickedBy, interrupted);
        operations.reschedule(complete, now, SyncRequest.scheduled());
    }

    /** Passes a run's progress to the screens a few times a second and to its sync_run row every few seconds. */
    private final class Progress implements SyncProgressSink {
        private final long departmentId;
        private final long runId;
        private final SyncTrigger trigger;
        private Instant lastEvent = Instant.MIN;
        private String lastPhase;
        private String lastRowPhase;
        private Instant lastRow = Instant.MIN;
        private volatile SyncCounts lastCounts = SyncCounts.NONE;
        private volatile long lastApiCalls;
        private final Runnable sign;

        Progress(long departmentId, long runId, SyncTrigger trigger, Runnable sign) {
            this.departmentId = departmentId;
            this.runId = runId;
            this.trigger = trigger;
            this.sign = sign;
        }

        @Override
        public synchronized void progress(String phase, int done, int total, SyncCounts soFar, long apiCalls) {
            sign.run();
            lastCounts = soFar;
            lastApiCalls = apiCalls;
            Instant now = clock.instant();
            if (!now.isBefore(lastRow.plus(ROW_SPACING)) || !phase.equals(lastRowPhase)) {
                lastRow = now;
                lastRowPhase = phase;
                runs.progress(runId, phase, done, total, soFar, apiCalls, now);
            }
            // a new phase always shows: it may be the last word for a while (a Samsara that keeps the run waiting)
            if (!now.isBefore(lastEvent.plus(EVENT_SPACING)) || !phase.equals(lastPhase)) {
                publish(phase, done, total, soFar, apiCalls, false, SyncOutcome.RUNNING);
            }
        }

        void publish(String phase, int done, int total, SyncCounts counts, long apiCalls, boolean finished,
                     SyncOutcome outcome) {
            lastEvent = clock.instant();
            lastPhase = phase;
            try {
                events.publishEvent(new SyncProgress(departmentId, runId, trigger, phase, done, total, counts,
                        apiCalls, finished, outcome));
            } catch (RuntimeException e) {
                log.warn("A sync progress listener failed; the run goes on", e);
            }
        }
    }
}
