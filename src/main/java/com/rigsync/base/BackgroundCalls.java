package com.rigsync.base;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Slow calls (Samsara) a service runs off the caller's thread on a bounded pool, as the signed-in caller; a full
 * pool refuses at once with the service's "busy" message instead of running the call on the caller's (UI) thread.
 * Calls made for one owner (a department) take at most {@link #PER_OWNER} places at once, so one department pressing a
 * button repeatedly cannot fill the pool and make every other department's calls answer "busy". It also knows which
 * calls are still running, so tests can wait for them and what they hand back to a screen.
 */
public final class BackgroundCalls {

    private static final Logger log = LoggerFactory.getLogger(BackgroundCalls.class);

    private final Executor pool;
    private final String what;
    private final String busyMessage;
    private final Set<CompletableFuture<Void>> running = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Object, Integer> perOwner = new ConcurrentHashMap<>();

    /** Places one owner may take in the pool (running or waiting) at once. */
    public static final int PER_OWNER = 2;
    static final String OWNER_BUSY = "Your department's earlier Samsara calls are still running. Wait for their "
            + "answers, then try again.";

    /**
     * @param what        the calls in the log's words ("Samsara check")
     * @param busyMessage what the caller is told when the pool is full
     */
    public BackgroundCalls(Executor pool, String what, String busyMessage) {
        this.pool = pool;
        this.what = what;
        this.busyMessage = busyMessage;
    }

    /** Runs {@code work} on the pool with the caller's security context (cleared afterwards). */
    public <T> CompletableFuture<T> asCaller(Supplier<T> work) {
        // Both the context and the holder strategy are read now, per call: Vaadin replaces the global strategy
        // after the services are made
        var asCaller = new DelegatingSecurityContextExecutor(this::track, SecurityContextHolder.getContext());
        asCaller.setSecurityContextHolderStrategy(SecurityContextHolder.getContextHolderStrategy());
        try {
            return CompletableFuture.supplyAsync(work, asCaller);
        } catch (RejectedExecutionException e) {
            // the executor's message names its task; the caller gets ours, and nothing of the task leaves here
            log.warn("{} refused: the pool is full", what);
            return CompletableFuture.failedFuture(new IllegalStateException(busyMessage));
        }
    }

    /**
     * Like {@link #asCaller(Supplier)}, for {@code owner} (a department id): refused at once, with a message for that
     * department, while the owner already has {@link #PER_OWNER} calls running or waiting.
     */
    public <T> CompletableFuture<T> asCaller(Object owner, Supplier<T> work) {
        boolean[] admitted = {false};
        perOwner.compute(owner, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= PER_OWNER) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            log.warn("{} refused: its department already has {} in the pool", what, PER_OWNER);
            return CompletableFuture.failedFuture(new IllegalStateException(OWNER_BUSY));
        }
        CompletableFuture<T> call = asCaller(work);
        call.whenComplete((result, error) -> perOwner.computeIfPresent(owner,
                (key, count) -> count <= 1 ? null : count - 1));
        return call;
    }

    private void track(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.add(done);
        Runnable finish = () -> {
            running.remove(done);
            done.complete(null);
        };
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    finish.run();
                }
            });
        } catch (RuntimeException e) {
            finish.run();
            throw e;
        }
    }

    /**
     * For tests: waits until every call handed to the pool has run to its end, including what its callers chained
     * to it on the worker thread (a screen's {@code ui.access} hand-over).
     */
    public void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty()) {
            for (CompletableFuture<Void> done : List.copyOf(running)) {
                try {
                    done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
    }
}
