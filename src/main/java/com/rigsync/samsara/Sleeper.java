package com.rigsync.samsara;

import java.time.Duration;

/** Waits between retries and for the throttle; injectable so tests never really sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
