package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SyncStanding;
import com.rigsync.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync status panel's way into the sync of the signed-in user's department: its schedule, the running run, the
 * history, "Sync now" and the interval.
 */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    public static final int MIN_INTERVAL_MINUTES = 5;
    public static final int MAX_INTERVAL_MINUTES = 24 * 60;

    private final SyncRuns runs;
    private final SamsaraConnections connections;
    private final CurrentUser currentUser;
    private final Scheduler scheduler;
    private final CustomTask<SyncRequest> task;
    private final AuditService audit;
    private final Clock clock;

    SyncService(SyncRuns runs, SamsaraConnections connections, CurrentUser currentUser,
                Scheduler scheduler, CustomTask<SyncRequest> task, AuditService audit, Clock clock) {
        this.runs = runs;
        this.connections = connections;
        this.currentUser = currentUser;
        this.scheduler = scheduler;
        this.task = task;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SyncSchedule schedule() {
        long departmentId = currentUser.departmentId();
        SyncStanding standing = connections.syncStanding(departmentId);
        Instant next = standing.due() ? runs.nextScheduledRun(departmentId).orElse(null) : null;
        return new SyncSchedule(standing.intervalMinutes(), next, standing.pausedReason(),
                runs.running(departmentId).orElse(null), runs.lastSucceeded(departmentId).orElse(null));
    }

    /** The latest runs, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public List<SyncRunSummary> history(int limit) {
        return runs.latest(currentUser.departmentId(), Math.max(1, Math.min(limit, 500)));
    }

    /**
     * Starts the department's sync now, or joins the one already running: the department's one scheduled execution
     * is moved to now, so however often and on however many instances "Sync now" is pressed, one run happens.
     */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SyncNowOutcome syncNow() {
        long departmentId = currentUser.departmentId();
        SyncStanding standing = connections.syncStanding(departmentId);
        if (!standing.connected()) {
            return SyncNowOutcome.NOT_CONNECTED;
        }
        if (standing.paused()) {
            return SyncNowOutcome.PAUSED;
        }
        SyncRequest request = SyncRequest.manual(currentUser.actorName());
        TaskInstanceId id = SyncTask.of(departmentId);
        if (!moveToNow(id, request)) {
            return SyncNowOutcome.JOINED_RUNNING;
        }
        audit.record(departmentId, AuditAction.SYNC_REQUESTED, "Samsara sync", "Sync now");
        scheduler.triggerCheckForDueExecutions();
        return SyncNowOutcome.STARTED;
    }

    /**
     * Moves the department's one execution to now; false when it is running or already due for a "Sync now" (the
     * request joins that run). Another instance may pick, reschedule or finish it between our read and our write
     * (the scheduler's optimistic lock then refuses the write): look again.
     */
    private boolean moveToNow(TaskInstanceId id, SyncRequest request) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            Optional<ScheduledExecution<Object>> existing = scheduler.getScheduledExecution(id);
            if (existing.isPresent() && (existing.get().isPicked()
                    || existing.get().getData() instanceof SyncRequest pending && (pending.apartAt(now)
                    || !existing.get().getExecutionTime().isAfter(now) && pending.trigger() == SyncTrigger.MANUAL))) {
                // running (on a scheduler slot or apart), or a "Sync now" is already due: join it
                return false;
            }
            try {
                if (existing.isPresent() ? scheduler.reschedule(id, now, request)
                        : scheduler.scheduleIfNotExists(task.instance(id.getId(), request), now)) {
                    return true;
                }
            } catch (TaskInstanceCurrentlyExecutingException e) {
                return false;
            } catch (TaskInstanceException e) {
                log.debug("Department {}'s sync changed while Sync now moved it; looking again", id.getId());
            }
        }
        return false;
    }

    /** Sets how often scheduled runs come, between {@value #MIN_INTERVAL_MINUTES} minutes and a day. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public void changeInterval(int minutes) {
        if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("The sync interval must be between " + MIN_INTERVAL_MINUTES
                    + " minutes and 24 hours (1440 minutes).");
        }
        long departmentId = currentUser.departmentId();
        int before = connections.syncStanding(departmentId).intervalMinutes();
        if (before == minutes) {
            return;
        }
        if (!connections.changeSyncInterval(minutes)) {
            throw new IllegalStateException("Connect Samsara under Setup > Settings before setting the sync interval.");
        }
        audit.record(departmentId, AuditAction.SYNC_INTERVAL_CHANGED, "Samsara sync",
                "Every " + before + " minutes → every " + minutes + " minutes");
        // The next scheduled run moves to the new interval after the last run started (never into the past)
        TaskInstanceId id = SyncTask.of(departmentId);
        // (a run going on, on a slot or apart, schedules its successor with the new interval when it ends)
        scheduler.getScheduledExecution(id).filter(execution -> !execution.isPicked()
                && !(execution.getData() instanceof SyncRequest pending && pending.apartAt(clock.instant())))
                .ifPresent(execution -> {
                    Instant from = runs.latest(departmentId, 1).stream().findFirst().map(SyncRunSummary::startedAt)
                            .orElse(clock.instant());
                    Instant next = from.plus(Duration.ofMinutes(minutes));
                    Instant now = clock.instant();
                    try {
                        scheduler.reschedule(id, next.isBefore(now) ? now : next);
                    } catch (TaskInstanceException e) {
                        // Running or finishing now: it schedules its successor with the new interval when it ends
                    }
                });
    }

}
