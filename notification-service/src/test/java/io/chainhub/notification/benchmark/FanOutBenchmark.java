package io.chainhub.notification.benchmark;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import io.chainhub.events.transfer.TransferEvent;
import io.chainhub.notification.delivery.DeliveryWriter;
import io.chainhub.notification.support.Api;
import io.chainhub.notification.support.Events;
import io.chainhub.notification.support.WebhookReceiver;
import io.chainhub.testsupport.ChainHubIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The benchmark, run with {@code ./mvnw -o verify -pl notification-service -Pbenchmark}:
 * fan-out of N matched events to 10 local endpoints end to end (Kafka → matching → PostgreSQL → signed
 * POST), against a plain HttpClient posting the same requests in the same run; then the same with an
 * 11th endpoint that never answers; and the latency from publication to receipt.
 */
@ChainHubIntegrationTest(properties = {"chainhub.notification.webhook.rate-per-second=100000",
        // the production polling intervals rather than the tests' compressed ones (the webhook dispatcher is
        // woken by new deliveries and freed slots anyway; the email poller only competes for the database)
        "chainhub.notification.webhook.poll-interval=200ms", "chainhub.notification.email.poll-interval=1s"})
class FanOutBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 10_000);
    private static final int ENDPOINTS = 10;
    private static final String INGEST_LISTENER = "notification-ingest"; // EventIngest.LISTENER_ID
    private static final int PER_ENDPOINT_CONCURRENCY = 8; // as the dispatcher's bulkhead

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void fanOut() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Api api = new Api(port);
            // warm-up of both paths at full size (JIT, connections, pools), not measured: on this loaded 2-core
            // machine a tenth of it left the first measured run at half the speed of the second
            plainClient(receiver, EVENTS);
            notify(api, receiver, DeadEndpoint.NONE, false, EVENTS);
            // a database that has been running has planner statistics for its tables; this fresh one would get
            // them from autovacuum at some point during the measurement
            jdbc.sql("ANALYZE").update();
            double baseline = plainClient(receiver, EVENTS);
            Run streaming = notify(api, receiver, DeadEndpoint.NONE, false, EVENTS);
            Run first = notify(api, receiver, DeadEndpoint.NONE, true, EVENTS);
            Run isolated = notify(api, receiver, DeadEndpoint.EQUAL_SHARE, true, EVENTS);
            Run flooded = notify(api, receiver, DeadEndpoint.EVERY_EVENT, true, EVENTS);
            System.out.printf("""

                    ===== notification-service fan-out benchmark (%d events, %d endpoints, %d cores) =====
                    plain HttpClient baseline : %8.0f requests/s
                    notification-service      : %8.0f deliveries/s  ratio %.2f (target >= 0.5; events already on Kafka)
                    with a dead 11th endpoint : %8.0f deliveries/s  %.0f%% of the first run (target >= 90%%; it gets a share
                                                like each other endpoint: %d more deliveries)
                    same, dead one gets every : %8.0f deliveries/s  %.0f%% of the first run (%d more delivery rows to ingest)
                    while publishing          : %8.0f deliveries/s  (clock from the first publish, as events arrive)
                    latency Kafka -> receiver : p50 %d ms, p99 %d ms (while publishing; from each transaction's commit)
                    =====================================================================
                    %n""", EVENTS, ENDPOINTS, Runtime.getRuntime().availableProcessors(), baseline,
                    first.perSecond, first.perSecond / baseline, isolated.perSecond, 100 * isolated.perSecond / first.perSecond,
                    EVENTS / ENDPOINTS, flooded.perSecond, 100 * flooded.perSecond / first.perSecond, EVENTS,
                    streaming.perSecond, streaming.p50, streaming.p99);
        }
    }

    record Run(double perSecond, long p50, long p99) {
    }

    /** The extra endpoint that never answers: none, one more endpoint like the others, or one matching every event. */
    enum DeadEndpoint { NONE, EQUAL_SHARE, EVERY_EVENT }

    /**
     * {@code backlog}: the ingest consumer is paused while the events are published and the clock starts when it
     * resumes, so the figure is the service's own (the plain client does not pay for a Kafka producer either);
     * otherwise the clock starts with the first publish and the service consumes as the events arrive.
     */
    private Run notify(Api api, WebhookReceiver receiver, DeadEndpoint deadEndpoint, boolean backlog, int events) {
        String token = Events.randomAddress();
        List<WebhookReceiver.Endpoint> endpoints = new ArrayList<>();
        List<String> receivers = new ArrayList<>();
        List<String> subscriptionIds = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS; i++) {
            WebhookReceiver.Endpoint endpoint = receiver.endpoint();
            String to = Events.randomAddress();
            subscriptionIds.add(api.createSubscription(Map.of("name", "bench " + i, "eventTypes", List.of("transfer.observed"),
                    "addresses", List.of(to), "webhook", Map.of("url", endpoint.url()))).path("id").asString());
            endpoints.add(endpoint);
            receivers.add(to);
        }
        if (deadEndpoint != DeadEndpoint.NONE) {
            WebhookReceiver.Endpoint dead = receiver.endpoint()
                    .otherwise(new WebhookReceiver.Answer(200, Map.of(), Duration.ofMinutes(10)));
            Map<String, Object> matching = deadEndpoint == DeadEndpoint.EQUAL_SHARE
                    ? Map.of("addresses", List.of(receivers.getFirst()))
                    : Map.of("tokens", List.of(token));
            Map<String, Object> subscription = new HashMap<>(matching);
            subscription.putAll(Map.of("name", "dead", "eventTypes", List.of("transfer.observed"), "webhook", Map.of("url", dead.url())));
            api.createSubscription(subscription);
        }
        Map<String, Instant> published = new ConcurrentHashMap<>();
        MessageListenerContainer ingest = listeners.getListenerContainer(INGEST_LISTENER);
        if (backlog) {
            ingest.pause();
            await().atMost(Duration.ofMinutes(1)).until(ingest::isContainerPaused);
        }
        Instant start = Instant.now();
        List<TransferEvent> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(Events.transfer(Events.randomAddress(), receivers.get(i % ENDPOINTS), token, Integer.toString(i + 1)));
            if (batch.size() == 500 || i == events - 1) {
                Events.get().publish(batch);
                // on Kafka for a read_committed consumer from the moment the transaction has committed
                Instant committed = Instant.now();
                batch.forEach(t -> published.put(t.eventId(), committed));
                batch = new ArrayList<>();
            }
        }
        Duration publishing = Duration.between(start, Instant.now());
        if (backlog) {
            start = Instant.now();
            ingest.resume();
        }
        Instant clock = start;
        // when every delivery row was written (ingest done), to tell the ingest's share from the dispatcher's
        AtomicReference<Instant> ingested = new AtomicReference<>();
        String[] ids = subscriptionIds.toArray(String[]::new);
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (ingested.get() == null && jdbc.sql("SELECT count(*) FROM delivery WHERE subscription_id = ANY(?::uuid[])")
                    .param(ids).query(Long.class).single() >= events) {
                ingested.set(Instant.now());
                if (System.getProperty("benchmark.explain") != null) {
                    jdbc.sql("""
                            EXPLAIN (ANALYZE, BUFFERS) SELECT due.id FROM subscription s
                              CROSS JOIN LATERAL (
                                SELECT d.id, d.next_attempt_at FROM delivery d
                                WHERE d.subscription_id = s.id AND d.status = 'PENDING' AND d.channel = 'WEBHOOK'
                                  AND d.next_attempt_at <= now()
                                ORDER BY d.next_attempt_at LIMIT 8) due
                              WHERE s.status = 'ACTIVE' AND s.webhook_enabled AND s.webhook_url IS NOT NULL
                              ORDER BY due.next_attempt_at LIMIT 200""").query(String.class).list().forEach(System.out::println);
                }
            }
            return endpoints.stream().mapToInt(e -> e.received().size()).sum() >= events;
        });
        List<WebhookReceiver.Received> all = endpoints.stream().flatMap(e -> e.received().stream()).toList();
        Instant last = all.stream().map(WebhookReceiver.Received::at).max(Instant::compareTo).orElseThrow();
        double perSecond = events / (Duration.between(start, last).toMillis() / 1000.0);
        List<Long> latencies = new ArrayList<>();
        for (WebhookReceiver.Received r : all) {
            String eventId = io.chainhub.events.kafka.EventJson.mapper().readTree(r.body()).path("data").path("eventId").asString();
            latencies.add(Duration.between(published.get(eventId), r.at()).toMillis());
        }
        Collections.sort(latencies);
        System.out.printf("run of %d events%s%s: published in %d ms, all rows written after %s ms, last receipt after %d ms%n",
                events, deadEndpoint != DeadEndpoint.NONE ? " with a dead endpoint (" + deadEndpoint + ")" : "", backlog ? " (backlog)" : "", publishing.toMillis(),
                ingested.get() == null ? "(not seen before the last receipt)" : Duration.between(clock, ingested.get()).toMillis(),
                Duration.between(clock, last).toMillis());
        return new Run(perSecond, latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)));
    }

    /** The same number of signed-size POSTs straight from a JDK HttpClient, same per-endpoint concurrency. */
    private double plainClient(WebhookReceiver receiver, int events) throws Exception {
        List<WebhookReceiver.Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS; i++) {
            endpoints.add(receiver.endpoint());
        }
        String body = "{\"type\":\"transfer.observed\",\"timestamp\":\"" + Instant.now() + "\",\"data\":"
                + io.chainhub.events.kafka.EventJson.mapper().writeValueAsString(Events.transfer(Events.randomAddress(),
                Events.randomAddress(), Events.randomAddress(), "1")) + "}";
        List<Semaphore> permits = endpoints.stream().map(e -> new Semaphore(PER_ENDPOINT_CONCURRENCY)).toList();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Instant start = Instant.now();
            for (int i = 0; i < events; i++) {
                int e = i % ENDPOINTS;
                String id = DeliveryWriter.webhookId("bench-" + i, java.util.UUID.randomUUID());
                pool.execute(() -> {
                    try {
                        permits.get(e).acquire();
                        http.send(HttpRequest.newBuilder(URI.create(endpoints.get(e).url()))
                                .header("content-type", "application/json").header("webhook-id", id)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    } finally {
                        permits.get(e).release();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            return events / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }
    }
}
