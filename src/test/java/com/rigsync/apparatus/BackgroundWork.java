package com.rigsync.apparatus;

import java.time.Duration;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.springframework.context.ApplicationContext;

/** For UI tests: lets the apparatus screens' background Samsara calls end, then hands their answers to the screen. */
final class BackgroundWork {

    private BackgroundWork() {
    }

    static void settle(ApplicationContext context) {
        try {
            context.getBean(SamsaraLinking.class).awaitBackgroundCalls(Duration.ofSeconds(60));
            context.getBean(ApparatusService.class).awaitBackgroundCalls(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError("the background call did not finish", e);
        }
        MockVaadin.clientRoundtrip(false);
    }
}
