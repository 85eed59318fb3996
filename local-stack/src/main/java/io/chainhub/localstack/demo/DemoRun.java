package io.chainhub.localstack.demo;

import java.time.Duration;
import java.util.UUID;

import io.chainhub.devchain.DemoScenario;
import io.chainhub.devchain.DevChain;
import io.chainhub.localstack.auth.JwtKeys;
import io.chainhub.localstack.demo.DemoApi.Service;

/**
 * {@code ./chainhub demo}: subscribes a local webhook receiver and email addresses to notifications, runs
 * the demo scenario on the local anvil and shows its transfers on {@code token-transfers} (OBSERVED, then
 * CONFIRMED), the webhooks and mails they caused, a watchlisted and a large transfer raising fraud alerts,
 * a custody deposit and a withdrawal approved by bob and carol, and says where to look next. Each part
 * waits with a deadline and says on timeout what to check; a failing part does not stop the others.
 */
public final class DemoRun {

    private static final int CONFIRMATIONS = 2;

    private final int offset;
    private final JwtKeys keys;

    public DemoRun(int offset, JwtKeys keys) {
        this.offset = offset;
        this.keys = keys;
    }

    public void run() throws Exception {
        long started = System.nanoTime();
        String rpc = "http://localhost:" + (8545 + offset);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (DevChain chain = DevChain.connect(rpc);
             DemoApi api = new DemoApi(offset, keys);
             DemoWebhookReceiver receiver = new DemoWebhookReceiver()) {
            System.out.println("[demo] connected to " + rpc + " (chain id " + chain.chainId() + ")");
            System.out.println("[demo] webhook receiver (verifies Standard Webhooks signatures) on " + receiver.url(""));
            DemoSubscriptions subscriptions = new DemoSubscriptions(api, receiver);
            DemoInbox inbox = new DemoInbox(api);
            NotificationDemo notification = new NotificationDemo(subscriptions, receiver, inbox, "demo-" + run + "@example.com");
            FraudDemo fraud = new FraudDemo(api, subscriptions, receiver, inbox, "fraud-" + run + "@example.com");
            CustodyDemo custody = new CustodyDemo(api, subscriptions, receiver);

            // Subscriptions first: notifications are for events after the subscription exists.
            part("subscriptions", () -> {
                notification.subscribe(DevChain.account(1).getAddress());
                fraud.subscribe(chain);
                custody.subscribe();
            });
            long firstBlock = chain.blockNumber() + 1;
            new DemoScenario(chain).run();
            chain.mine(CONFIRMATIONS); // automine only mines on transactions: bury the last ones
            new TransfersDemo("localhost:" + (9092 + offset)).show(firstBlock);
            part("notification", notification::show);
            part("fraud", () -> fraud.run(chain));
            part("custody", () -> custody.run(chain));
            subscriptions.pauseAll();
            if (receiver.rejected() > 0) {
                System.out.println("[demo] " + receiver.rejected() + " webhook request(s) REJECTED: signature did not verify");
            }
            part("chain status", () -> System.out.println("[demo] chain status (GET /api/chains): "
                    + api.get(Service.LISTENER, "/api/chains", "viewer")));
        }
        System.out.printf("""

                Where to look:
                  dashboard        http://localhost:%d/dashboard/#token=%s
                  chain status     curl -H "Authorization: Bearer $(./chainhub token viewer)" http://localhost:%d/api/chains
                  fraud alerts     curl -H "Authorization: Bearer $(./chainhub token viewer)" http://localhost:%d/api/alerts
                  withdrawals      curl -H "Authorization: Bearer $(./chainhub token viewer)" http://localhost:%d/api/withdrawals
                  listener API     http://localhost:%d/swagger-ui.html
                  all transfers    kcat -b localhost:%d -C -t token-transfers -o beginning -e
                  mail inbox       http://localhost:%d
                """, 8084 + offset, keys.mintForDemoUser("viewer"), 8081 + offset, 8083 + offset, 8085 + offset,
                8081 + offset, 9092 + offset, 8025 + offset);
        System.out.printf("[demo] done in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Runs one part; a failure is reported in one line and the demo goes on with the next part. */
    private static void part(String name, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            System.out.println("[demo] " + name + " part FAILED: " + e.getMessage());
        }
    }
}
