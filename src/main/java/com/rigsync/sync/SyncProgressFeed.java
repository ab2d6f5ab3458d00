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

    @Autowired
    SyncProgressFeed(CurrentUser currentUser,
                     @Value("${rigsync.sync.progress-push-gap:250ms}") Duration gap) {
        this.currentUser = currentUser;
        this.gapNanos = gap.toNanos();
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("sync-progress-push").factory());
        this.timer = (delayNanos, task) -> {
            var future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
        this.nanoTime = System::nanoTime;
    }

    /** For tests of the pacing: a timer and a time of their own. */
    SyncProgressFeed(CurrentUser currentUser, Duration gap, Timer timer, LongSupplier nanoTime) {
        this.currentUser = currentUser;
        this.gapNanos = gap.toNanos();
        this.executor = null;
        this.timer = timer;
        this.nanoTime = nanoTime;
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
