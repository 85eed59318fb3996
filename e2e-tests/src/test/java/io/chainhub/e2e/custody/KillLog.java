package io.chainhub.e2e.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which services were killed when, and which withdrawal states were in flight at that moment. */
final class KillLog {

    record Kill(int number, String moment, List<String> services, Map<String, Long> inFlight) {
        @Override
        public String toString() {
            return "kill #%d  %-44s %-38s in flight: %s".formatted(number, String.join(" + ", services), moment, inFlight);
        }
    }

    private final List<Kill> kills = new ArrayList<>();

    Kill add(String moment, List<String> services, Map<String, Long> inFlight) {
        Kill kill = new Kill(kills.size() + 1, moment, List.copyOf(services), new TreeMap<>(inFlight));
        kills.add(kill);
        System.out.println("[fault-injection] " + kill);
        return kill;
    }

    /** Every non-terminal state seen in flight at some kill of {@code service}. */
    Set<String> statesInFlightAtKillsOf(String service) {
        Set<String> states = new TreeSet<>();
        kills.stream().filter(kill -> kill.services().contains(service)).forEach(kill -> states.addAll(kill.inFlight().keySet()));
        return states;
    }

    String report() {
        StringBuilder report = new StringBuilder("[fault-injection] " + kills.size() + " kills (SIGKILL) and the withdrawal states in flight:\n");
        kills.forEach(kill -> report.append("  ").append(kill).append('\n'));
        return report.toString();
    }
}
