package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SyncStanding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the scheduler does with a department's sync execution: records the run, runs it, publishes its progress and
 * schedules the next one. db-scheduler picks an execution on one instance only, so this never runs twice at once
 * for a department; a RUNNING row found when a run starts can only be left by an execution that died.
 */
@Component
class SyncExecution {

    private static final Logger log = LoggerFactory.getLogger(SyncExecution.class);
    static final String INTERRUPTED = "The app instance running this sync stopped before it finished. "
            + "The last good data is kept; the next sync carries on.";
    private static final String UNEXPECTED = "The sync stopped on an unexpected error. The last good data is kept; "
            + "the next sync tries again.";
    private static final Duration EVENT_SPACING = Duration.ofMillis(250);
    /** How often the run's row gets its progress, which the screens of the other instances read. */
    static final Duration ROW_SPACING = Duration.ofSeconds(2);

    private final DepartmentSync departmentSync;
    private final SyncRuns runs;
    private final SamsaraConnections connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry metrics;
    /**
     * This instance's scheduler slots that departments whose Samsara did not answer last time may hold at once, so a
     * regional outage cannot take every slot from the departments whose Samsara answers.
     */
    private final Semaphore unansweredSlots;
    private final Duration unansweredBudget;
    private final Duration unansweredRetry;

    SyncExecution(DepartmentSync departmentSync, SyncRuns runs, SamsaraConnections connections,
                  ApplicationEventPublisher events, Clock clock, MeterRegistry metrics,
                  @Value("${rigsync.sync.unanswered-slots:2}") int unansweredSlots,
                  @Value("${rigsync.sync.unanswered-budget:30s}") Duration unansweredBudget,
                  @Value("${rigsync.sync.unanswered-retry:1m}") Duration unansweredRetry) {
        this.metrics = metrics;
        this.unansweredSlots = new Semaphore(Math.max(1, unansweredSlots));
        this.unansweredBudget = unansweredBudget;
        this.unansweredRetry = unansweredRetry;
        this.departmentSync = departmentSync;
        this.runs = runs;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    CompletionHandler<SyncRequest> execute(TaskInstance<SyncRequest> instance, String instanceName) {
        long departmentId = Long.parseLong(instance.getId());
        SyncRequest request = instance.getData() == null ? SyncRequest.scheduled() : instance.getData();
        SyncStanding standing = connections.syncStanding(departmentId);
        if (!standing.connected() || standing.paused() && request.trigger() == SyncTrigger.SCHEDULED) {
            // Switched off, disconnected or paused: drop the schedule; the schedule keeper adds it back once the
            // department is connected and healthy again.
            log.info("Department {}'s sync is not due ({}); its schedule is dropped", departmentId,
                    standing.connected() ? "paused" : "not connected");
            return (complete, operations) -> operations.remove();
        }
        boolean unanswered = runs.samsaraUnansweredLastTime(departmentId);
        if (unanswered && !unansweredSlots.tryAcquire()) {
            // the share is full: give the slot back at once and come back a little later (no run is recorded)
            Instant later = clock.instant().plus(unansweredRetry);
            log.info("Department {}: Samsara did not answer its last sync and this instance's slots for such "
                    + "departments are taken; trying again at {}", departmentId, later);
            return (complete, operations) -> operations.reschedule(complete, later, request);
        }
        try {
            return run(departmentId, request, instanceName, unanswered);
        } finally {
            if (unanswered) {
                unansweredSlots.release();
            }
        }
    }

    private CompletionHandler<SyncRequest> run(long departmentId, SyncRequest request, String instanceName,
                                               boolean unanswered) {
        Instant started = clock.instant();
        int interrupted = runs.interruptRunning(departmentId, started, INTERRUPTED);
        if (interrupted > 0) {
            log.warn("Department {}: closed {} sync run(s) left running by a dead execution", departmentId,
                    interrupted);
        }
        long runId = runs.start(departmentId, request.trigger(), request.requestedBy(), started, instanceName);
        var progress = new Progress(departmentId, runId, request.trigger());
        progress.publish("Starting", 0, 0, SyncCounts.NONE, 0, false, SyncOutcome.RUNNING);
        SyncResult result;
        try {
            // a department whose Samsara did not answer last time gets a short budget, so it gives its slot back soon
            result = unanswered ? departmentSync.run(departmentId, progress, unansweredBudget)
                    : departmentSync.run(departmentId, progress);
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
        Instant next = finished.plus(Duration.ofMinutes(interval));
        return (complete, operations) -> operations.reschedule(complete, next, SyncRequest.scheduled());
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
        private Instant lastRow = Instant.MIN;
        private volatile SyncCounts lastCounts = SyncCounts.NONE;
        private volatile long lastApiCalls;

        Progress(long departmentId, long runId, SyncTrigger trigger) {
            this.departmentId = departmentId;
            this.runId = runId;
            this.trigger = trigger;
        }

        @Override
        public synchronized void progress(String phase, int done, int total, SyncCounts soFar, long apiCalls) {
            lastCounts = soFar;
            lastApiCalls = apiCalls;
            Instant now = clock.instant();
            if (!now.isBefore(lastRow.plus(ROW_SPACING))) {
                lastRow = now;
                runs.progress(runId, phase, done, total, soFar, apiCalls, now);
            }
            if (!now.isBefore(lastEvent.plus(EVENT_SPACING))) {
                publish(phase, done, total, soFar, apiCalls, false, SyncOutcome.RUNNING);
            }
        }

        void publish(String phase, int done, int total, SyncCounts counts, long apiCalls, boolean finished,
                     SyncOutcome outcome) {
            lastEvent = clock.instant();
            try {
                events.publishEvent(new SyncProgress(departmentId, runId, trigger, phase, done, total, counts,
                        apiCalls, finished, outcome));
            } catch (RuntimeException e) {
                log.warn("A sync progress listener failed; the run goes on", e);
            }
        }
    }
}
