package io.chainhub.e2e.custody;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link CustodyStack} parameter to one stack for every custody test class of the run:
 * started by the first class that asks, stopped ({@code ./chainhub down}) when the run ends.
 */
final class SharedCustodyStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCustodyStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CustodyStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(CustodyStack.class, type -> CustodyStack.start(), CustodyStack.class);
    }
}
