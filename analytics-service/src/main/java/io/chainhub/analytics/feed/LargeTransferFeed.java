package io.chainhub.analytics.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chainhub.analytics.aggregate.TransferDelta;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes large transfers to server-sent-event subscribers as the topology counts them. Each
 * instance pushes what its own tasks count; the feed is live, not a record: a transfer re-processed
 * after a failed Streams transaction may be pushed twice (clients key items by eventId + finality).
 */
@Component
public class LargeTransferFeed {

    private static final int RECENT_KEPT = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final Deque<FeedItem> recent = new ArrayDeque<>();

    /** Called from the Streams threads. */
    public void accept(TransferDelta delta) {
        FeedItem item = FeedItem.of(delta);
        synchronized (recent) {
            recent.addFirst(item);
            if (recent.size() > RECENT_KEPT) {
                recent.removeLast();
            }
        }
        for (SseEmitter emitter : subscribers) {
            send(emitter, item);
        }
    }

    /** A new subscriber first gets the recent items, oldest first, then live ones. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        List<FeedItem> backlog;
        synchronized (recent) {
            backlog = List.copyOf(recent).reversed();
        }
        subscribers.add(emitter);
        try {
            emitter.send(SseEmitter.event().comment("subscribed"));
        } catch (IOException e) {
            subscribers.remove(emitter);
        }
        backlog.forEach(item -> send(emitter, item));
        return emitter;
    }

    private void send(SseEmitter emitter, FeedItem item) {
        try {
            emitter.send(SseEmitter.event().name("transfer").id(item.eventId() + ":" + item.finality())
                    .data(item, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(emitter);
        }
    }
}
