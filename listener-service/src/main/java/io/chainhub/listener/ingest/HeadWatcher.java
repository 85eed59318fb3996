package io.chainhub.listener.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reactivex.disposables.Disposable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * Subscribes to {@code newHeads} over websocket and signals the follower. A dropped connection is
 * re-established with backoff, trying the chain's websocket endpoints in turn. Nothing is lost
 * while disconnected: the follower always works from its checkpoint up to the node's head, so the
 * socket only decides how soon it looks.
 */
public final class HeadWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeadWatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final long chainId;
    private final List<String> urls;
    private final HeadSignal signal;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Error and close callbacks both fire for one drop: only the first schedules a reconnect. */
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private volatile WebSocketService socket;
    private volatile Disposable subscription;
    private volatile boolean connected;
    private final Counter drops;
    private final Counter reconnects;
    /** Set by a drop: the next successful connection is a reconnect. */
    private volatile boolean droppedBefore;
    private int attempt;

    public HeadWatcher(long chainId, List<String> urls, HeadSignal signal, MeterRegistry meters) {
        this.chainId = chainId;
        this.drops = meters.counter("chainhub.listener.ws.drops", "chain", Long.toString(chainId));
        this.reconnects = meters.counter("chainhub.listener.ws.reconnects", "chain", Long.toString(chainId));
        this.urls = urls;
        this.signal = signal;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("head-watcher-" + chainId).daemon().factory());
    }

    public void start() {
        if (!urls.isEmpty()) {
            scheduler.execute(this::connect);
        }
    }

    public boolean connected() {
        return connected;
    }

    /** Successful connections after a drop since the application started ({@code chainhub.listener.ws.reconnects}). */
    public long reconnects() {
        return (long) reconnects.count();
    }

    private void connect() {
        if (closed.get()) {
            return;
        }
        reconnecting.set(false);
        String url = urls.get(attempt % urls.size());
        try {
            WebSocketService service = new WebSocketService(url, false);
            service.connect(message -> { }, error -> dropped(url, error), () -> dropped(url, null));
            socket = service;
            subscription = Web3j.build(service).newHeadsNotifications().subscribe(
                    head -> signal.newHead(), error -> dropped(url, error));
            connected = true;
            attempt = 0;
            if (droppedBefore) {
                droppedBefore = false;
                reconnects.increment();
            }
            signal.newHead(); // catch up on whatever arrived while disconnected
            log.info("Chain {}: following new heads over {}", chainId, url);
        } catch (Exception e) {
            dropped(url, e);
        }
    }

    private void dropped(String url, Throwable error) {
        if (closed.get() || !reconnecting.compareAndSet(false, true)) {
            return;
        }
        if (connected) {
            drops.increment();
        }
        connected = false;
        droppedBefore = true;
        disposeQuietly();
        attempt++;
        long delay = Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(attempt, 7));
        log.warn("Chain {}: websocket {} dropped ({}); polling meanwhile, reconnecting in {} ms", chainId, url,
                error == null ? "closed" : error.getMessage(), delay);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void disposeQuietly() {
        Disposable current = subscription;
        WebSocketService service = socket;
        subscription = null;
        socket = null;
        try {
            if (current != null) {
                current.dispose();
            }
            if (service != null) {
                service.close();
            }
        } catch (RuntimeException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        closed.set(true);
        disposeQuietly();
        scheduler.shutdownNow();
    }
}
