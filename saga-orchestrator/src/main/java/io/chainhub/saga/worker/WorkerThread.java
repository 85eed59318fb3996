package io.chainhub.saga.worker;

/**
 * The single background thread of a polling component (outbox relay, timers), for its SmartLifecycle.
 * The field is assigned before the thread starts: a loop that checks {@link #isCurrent()} first thing
 * would otherwise see null and exit at once (a race seen under load).
 */
public final class WorkerThread {

    private final String name;
    private volatile Thread worker;

    public WorkerThread(String name) {
        this.name = name;
    }

    public void start(Runnable loop) {
        Thread created = Thread.ofPlatform().daemon().name(name).unstarted(loop);
        worker = created;
        created.start();
    }

    public void stop() {
        Thread current = worker;
        worker = null;
        if (current != null) {
            current.interrupt();
        }
    }

    public boolean isRunning() {
        return worker != null;
    }

    /** True while the calling thread is the running worker: its loop condition. */
    public boolean isCurrent() {
        return worker == Thread.currentThread();
    }
}
