package com.rigsync.base.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer a screen waits for from a slow call its service runs in the background ({@code ...InBackground}, see
 * {@link com.rigsync.base.BackgroundCalls}). While the answer is on its way the screen shows that it is working; the
 * answer is applied on the screen through {@code ui.access} (server push), unless the user left the screen or a newer
 * call replaced this one. A call that fails with the service's own message ({@link IllegalArgumentException},
 * {@link IllegalStateException}) is told in that message; any other failure is logged by its type only and told in
 * plain words.
 */
public final class BackgroundAnswer {

    private static final Logger log = LoggerFactory.getLogger(BackgroundAnswer.class);

    private final String screen;
    private final String call;
    private final Consumer<Boolean> working;
    private final Consumer<String> tell;
    /** The call whose answer the screen waits for; null when none (or when the screen was left). */
    private CompletableFuture<?> awaited;

    /**
     * @param screen  the view that waits; once it is detached, an answer still on its way is dropped
     * @param call    what the calls are, as the start of a sentence: "The check with Samsara"
     * @param working shows the screen's working state (true) or ends it (false)
     * @param tell    shows the user why a call failed
     */
    public BackgroundAnswer(Component screen, String call, Consumer<Boolean> working, Consumer<String> tell) {
        this.screen = screen.getClass().getSimpleName();
        this.call = call;
        this.working = working;
        this.tell = tell;
        screen.addDetachListener(event -> {
            // an answer still on its way belongs to a screen nobody looks at any more
            awaited = null;
            working.accept(false);
        });
    }

    /** Shows the working state until {@code call} completes, then hands its answer to {@code apply} on the screen. */
    public <T> void await(CompletableFuture<T> call, Consumer<T> apply) {
        await(call, apply, this::failed);
    }

    /**
     * Like {@link #await(CompletableFuture, Consumer)}, with the screen's own handling of a failed call ({@code failed}
     * gets the cause, unwrapped), for refusals the screen shows on its fields.
     */
    public <T> void await(CompletableFuture<T> call, Consumer<T> apply, Consumer<Throwable> failed) {
        UI ui = UI.getCurrent();
        awaited = call;
        working.accept(true);
        // chained on the call itself, so the hand-over runs on the worker thread that ends the call (tests wait for it)
        call.whenComplete((answer, error) -> {
            try {
                ui.access(() -> {
                    if (awaited != call) {
                        return;
                    }
                    awaited = null;
                    working.accept(false);
                    if (error == null) {
                        apply.accept(answer);
                    } else {
                        failed.accept(error instanceof CompletionException wrapped && wrapped.getCause() != null
                                ? wrapped.getCause() : error);
                    }
                });
            } catch (UIDetachedException closed) {
                // the browser tab is gone: nobody waits for this answer
            }
        });
    }

    /**
     * Stops waiting: the screen leaves its working state at once and the answer, when it comes, is dropped. A Samsara
     * request already sent runs to its end on the pool; a call that checks for cancelling writes nothing after it.
     */
    public void cancel() {
        if (awaited != null) {
            // lets a call that checks for it (a save after its Samsara check) stop before it writes anything
            awaited.cancel(false);
            awaited = null;
            working.accept(false);
        }
    }

    /** True while the screen waits for an answer. */
    public boolean waiting() {
        return awaited != null;
    }

    private void failed(Throwable error) {
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            // the service's own messages, written for the user (no token or code in them)
            tell.accept(error.getMessage());
        } else {
            // only the type: a message from deep down could quote a request, and a request could carry a token
            log.warn("{} failed unexpectedly on {}: {}", call, screen, error.getClass().getName());
            tell.accept(call + " failed unexpectedly. Try again; if it keeps failing, tell your Client Success "
                    + "Manager.");
        }
    }
}
