package io.chainhub.localstack.auth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The users of the local stack (SPEC: HTTP conventions) and their roles. */
public final class DemoUsers {

    private static final Map<String, List<String>> ROLES = new TreeMap<>(Map.of(
            "alice", List.of("operator"),
            "bob", List.of("approver"),
            "carol", List.of("approver"),
            "admin", List.of("admin"),
            // a second admin: policy changes need two different admins (four-eyes), also on the local stack
            "dana", List.of("admin"),
            "viewer", List.of("viewer")));

    private DemoUsers() {
    }

    public static Map<String, List<String>> all() {
        return ROLES;
    }

    /** The roles of {@code user}, or an error naming the users that exist. */
    public static List<String> rolesOf(String user) {
        List<String> roles = ROLES.get(user);
        if (roles == null) {
            throw new IllegalArgumentException("unknown user '" + user + "': demo users are " + String.join(", ", ROLES.keySet()));
        }
        return roles;
    }
}
