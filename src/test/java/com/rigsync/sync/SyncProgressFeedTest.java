package com.rigsync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.security.CurrentUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacing of progress pushes: at most one per gap per screen, the latest wins, the run's end at once. */
class SyncProgressFeedTest {

    private static final long DEPARTMENT = 7;
    private static final long MS = 1_000_000;

    private long now = 1_000 * MS;
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Long> timerDelays = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();

    private final SyncProgressFeed feed = new SyncProgressFeed(new SignedInTo(DEPARTMENT), Duration.ofMillis(250),
            (delay, task) -> {
                timers.add(task);
                timerDelays.add(delay);
                return () -> timers.remove(task);
            }, () -> now);

    @Test
    void aScreenGetsAtMostOneUpdatePerGapAndAlwaysTheLatest() {
        feed.subscribe(p -> shown.add(p.phase()));

        feed.on(progress("first"));
        now += 100 * MS;
        feed.on(progress("second"));
        now += 50 * MS;
        feed.on(progress("third"));
        assertThat(shown).containsExactly("first");
        assertThat(timerDelays).containsExactly(150 * MS);

        now += 100 * MS;
        fireTimers();
        assertThat(shown).containsExactly("first", "third");

        now += 300 * MS;
        feed.on(progress("fourth"));
        assertThat(shown).containsExactly("first", "third", "fourth");
    }

    @Test
    void theRunsLastEventIsShownAtOnceAndReplacesAnyWaitingUpdate() {
        feed.subscribe(p -> shown.add(p.phase()));
        feed.on(progress("first"));
        now += 10 * MS;
        feed.on(progress("second"));
        now += 10 * MS;
        feed.on(new SyncProgress(DEPARTMENT, 1, SyncTrigger.SCHEDULED, "Done", 10, 10, SyncCounts.NONE, 5, true,
                SyncOutcome.SUCCEEDED));

        assertThat(shown).containsExactly("first", "Done");
        assertThat(timers).isEmpty();
    }

    @Test
    void aCancelledSubscriptionGetsNothingMoreAndIsForgotten() {
        var subscription = feed.subscribe(p -> shown.add(p.phase()));
        feed.on(progress("first"));
        now += 10 * MS;
        feed.on(progress("waiting"));
        subscription.cancel();
        fireTimers();
        feed.on(progress("after"));

        assertThat(shown).containsExactly("first");
        assertThat(feed.subscribers(DEPARTMENT)).isZero();
    }

    @Test
    void otherDepartmentsRunsAreNotDelivered() {
        feed.subscribe(p -> shown.add(p.phase()));
        feed.on(new SyncProgress(DEPARTMENT + 1, 1, SyncTrigger.SCHEDULED, "elsewhere", 0, 0, SyncCounts.NONE, 0,
                false, null));
        assertThat(shown).isEmpty();
    }

    @Test
    void aFailingScreenDoesNotStopTheOthers() {
        feed.subscribe(p -> {
            throw new IllegalStateException("detached meanwhile");
        });
        feed.subscribe(p -> shown.add(p.phase()));
        feed.on(progress("first"));
        assertThat(shown).containsExactly("first");
    }

    private void fireTimers() {
        List<Runnable> due = List.copyOf(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    private static SyncProgress progress(String phase) {
        return new SyncProgress(DEPARTMENT, 1, SyncTrigger.SCHEDULED, phase, 1, 10, SyncCounts.NONE, 1, false, null);
    }

    /** Whoever subscribes belongs to this department. */
    private static final class SignedInTo extends CurrentUser {
        private final long departmentId;

        SignedInTo(long departmentId) {
            this.departmentId = departmentId;
        }

        @Override
        public long departmentId() {
            return departmentId;
        }
    }
}
