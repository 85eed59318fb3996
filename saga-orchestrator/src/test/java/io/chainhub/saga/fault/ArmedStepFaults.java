package io.chainhub.saga.fault;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The test's {@link StepFaults}: "fail the Nth arrival at boundary X". Found by component scanning
 * from the test classpath, so every IT shares one application context with it; unarmed it does
 * nothing. Arrivals are counted per boundary from the moment it is armed; a failed step that is
 * retried arrives again with the next number.
 */
@Component
@Primary
public class ArmedStepFaults implements StepFaults {

    private final Map<StepBoundary, Armed> armed = new ConcurrentHashMap<>();
    private final List<Fired> fired = new CopyOnWriteArrayList<>();

    /** A fault that fired: where, on what, at which arrival. */
    public record Fired(StepBoundary boundary, String subject, int arrival) {
    }

    private record Armed(Set<Integer> failing, AtomicInteger arrivals) {
    }

    /** Fails the arrivals numbered {@code nth} (1-based) at {@code boundary}. */
    public void arm(StepBoundary boundary, int... nth) {
        armed.put(boundary, new Armed(IntStream.of(nth).boxed().collect(Collectors.toUnmodifiableSet()), new AtomicInteger()));
    }

    public void disarm() {
        armed.clear();
        fired.clear();
    }

    public List<Fired> fired() {
        return List.copyOf(fired);
    }

    public int arrivals(StepBoundary boundary) {
        Armed at = armed.get(boundary);
        return at == null ? 0 : at.arrivals().get();
    }

    @Override
    public void reached(StepBoundary boundary, String subject) {
        Armed at = armed.get(boundary);
        if (at == null) {
            return;
        }
        int arrival = at.arrivals().incrementAndGet();
        if (at.failing().contains(arrival)) {
            fired.add(new Fired(boundary, subject, arrival));
            throw new InjectedFault(boundary + " #" + arrival + " (" + subject + ")");
        }
    }

    /** Stands for a crash at the boundary: nothing after it in the transaction may commit. */
    public static final class InjectedFault extends SimulatedCrash {

        InjectedFault(String where) {
            super("injected fault at " + where);
        }
    }
}
