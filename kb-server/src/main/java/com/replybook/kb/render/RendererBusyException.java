package com.replybook.kb.render;

/** Every render worker is occupied and the request could not start in time; the API answers 503. */
public final class RendererBusyException extends RuntimeException {

    RendererBusyException(Throwable cause) {
        super("All render workers are busy; retry shortly.", cause);
    }
}
