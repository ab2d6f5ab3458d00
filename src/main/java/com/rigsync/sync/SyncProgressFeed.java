package com.rigsync.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.rigsync.security.CurrentUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Hands the {@link SyncProgress} events of a department's runs to the screens showing that department's sync.
 * Each subscriber gets at most one update per {@code rigsync.sync.progress-push-gap} (the latest one; the run's last
 * event always at once), so a browser never gets more than a few pushes a second. Subscribers are called on the
 * publishing thread or on this feed's timer thread and must only hand the update on (for example with
 * {@code ui.access}); a screen cancels its subscription when it is detached.
 */
@Component
public class SyncProgressFeed {

    private static final Logger log = LoggerFactory.getLogger(SyncProgressFeed.class);

    private final CurrentUser currentUser;
    private final Map<Long, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final long gapNanos;
    private final Timer timer;
    private final ScheduledExecutorService executor;
    private final LongSupplier nanoTime;
    private final SyncRuns runs;
    /** Runs whose events this instance publishes itself (it runs them): never read back from the database. */
    private final Set<Long> localRuns = ConcurrentHashMap.newKeySet();
    /** Per department, the run of another instance last passed on from the database. */
    private final Map<Long, Long> remoteRuns = new ConcurrentHashMap<>();

    @Autowired
    SyncProgressFeed(CurrentUser currentUser, SyncRuns runs,
                     @Value("${rigsync.sync.progress-push-gap:250ms}") Duration gap,
                     @Value("${rigsync.sync.progress-poll:2s}") Duration poll) {
        this.currentUser = currentUser;
        this.runs = runs;
        this.gapNanos = gap.toNanos();
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("sync-progress-push").factory());
        this.timer = (delayNanos, task) -> {
            var future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
        this.nanoTime = System::nanoTime;
        executor.scheduleWithFixedDelay(this::readOtherInstancesRuns, poll.toMillis(), poll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** For tests of the pacing: a timer and a time of their own. */
    SyncProgressFeed(CurrentUser currentUser, Duration gap, Timer timer, LongSupplier nanoTime) {
        this.currentUser = currentUser;
        this.gapNanos = gap.toNanos();
        this.executor = null;
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.runs = null;
    }

    /** Follows the signed-in user's department's runs until the subscription is cancelled. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public Subscription subscribe(Consumer<SyncProgress> listener) {
        long departmentId = currentUser.departmentId();
        Subscription subscription = new Subscription(departmentId, listener);
        subscriptions.computeIfAbsent(departmentId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
        return subscription;
    }

    @EventListener
    void on(SyncProgress progress) {
        if (progress.finished()) {
            localRuns.remove(progress.runId());
        } else {
            localRuns.add(progress.runId());
        }
        deliver(progress);
    }

    /**
     * Passes on the progress of runs another instance runs, as that instance recorded it in the run's row (every
     * {@link SyncExecution#ROW_SPACING}), and their end; only for departments someone here is watching.
     */
    void readOtherInstancesRuns() {
        try {
            Set<Long> watched = subscriptions.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
            remoteRuns.keySet().retainAll(watched);
            if (watched.isEmpty()) {
                return;
            }
            Set<Long> stillRunning = new java.util.HashSet<>();
            for (SyncProgress progress : runs.runningProgress(watched)) {
                if (!localRuns.contains(progress.runId())) {
                    remoteRuns.put(progress.departmentId(), progress.runId());
                    stillRunning.add(progress.runId());
                    deliver(progress);
                }
            }
            for (Map.Entry<Long, Long> remote : Map.copyOf(remoteRuns).entrySet()) {
                long runId = remote.getValue();
                if (!stillRunning.contains(runId)) {
                    remoteRuns.remove(remote.getKey(), runId);
                    runs.outcome(runId).filter(outcome -> outcome != SyncOutcome.RUNNING).ifPresent(outcome ->
                            deliver(new SyncProgress(remote.getKey(), runId, SyncTrigger.SCHEDULED, "Finished", 1, 1,
                                    SyncCounts.NONE, 0, true, outcome)));
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next poll tries again
            log.debug("Could not read the other instances' sync progress: {}", e.toString());
        }
    }

    private void deliver(SyncProgress progress) {
        Set<Subscription> listeners = subscriptions.get(progress.departmentId());
        if (listeners != null) {
            listeners.forEach(subscription -> subscription.offer(progress));
        }
    }

    /** How many screens follow the department's runs (for tests: a left screen must not stay subscribed). */
    int subscribers(long departmentId) {
        Set<Subscription> listeners = subscriptions.get(departmentId);
        return listeners == null ? 0 : listeners.size();
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Runs a task later; returns what cancels it. */
    interface Timer {
        Runnable after(long delayNanos, Runnable task);
    }

    /** One screen's subscription: paces what reaches it. */
    public final class Subscription {

        private final long departmentId;
        private final Consumer<SyncProgress> listener;
        private boolean delivered;
        private long lastDeliveredAt;
        private SyncProgress pending;
        private Runnable cancelTimer;
        private boolean cancelled;

        private Subscription(long departmentId, Consumer<SyncProgress> listener) {
            this.departmentId = departmentId;
            this.listener = listener;
        }

        /** Stops the updates; call it when the screen is detached. */
        public synchronized void cancel() {
            cancelled = true;
            pending = null;
            stopTimer();
            Set<Subscription> listeners = subscriptions.get(departmentId);
            if (listeners != null) {
                listeners.remove(this);
            }
        }

        private synchronized void offer(SyncProgress progress) {
            if (cancelled) {
                return;
            }
            long now = nanoTime.getAsLong();
            if (progress.finished() || !delivered || now - lastDeliveredAt >= gapNanos) {
                stopTimer();
                pending = null;
                deliver(progress, now);
            } else {
                pending = progress;
                if (cancelTimer == null) {
                    cancelTimer = timer.after(gapNanos - (now - lastDeliveredAt), this::deliverPending);
                }
            }
        }

        private synchronized void deliverPending() {
            cancelTimer = null;
            if (!cancelled && pending != null) {
                SyncProgress latest = pending;
                pending = null;
                deliver(latest, nanoTime.getAsLong());
            }
        }

        private void deliver(SyncProgress progress, long now) {
            delivered = true;
            lastDeliveredAt = now;
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                log.warn("A screen following department {}'s sync could not take a progress update",
                        departmentId, e);
            }
        }

        private void stopTimer() {
            if (cancelTimer != null) {
                cancelTimer.run();
                cancelTimer = null;
            }
        }
    }
}
