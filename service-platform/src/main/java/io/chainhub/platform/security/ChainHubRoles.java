package io.chainhub.platform.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * The roles of SPEC.md, as found in a token's {@code roles} claim. Spring checks them with
 * {@code hasRole('operator')}, i.e. against authorities {@code ROLE_operator}.
 */
public final class ChainHubRoles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private ChainHubRoles() {
    }

    /** admin implies operator and approver; both imply viewer. Tokens carry only the top role. */
    public static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN).implies(OPERATOR, APPROVER)
                .role(OPERATOR).implies(VIEWER)
                .role(APPROVER).implies(VIEWER)
                .build();
    }
}
