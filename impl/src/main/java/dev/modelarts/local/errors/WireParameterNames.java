package dev.modelarts.local.errors;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ParameterNameProvider;
import jakarta.ws.rs.ext.ContextResolver;

import org.glassfish.jersey.server.validation.ValidationConfig;

/**
 * Names resource-method parameters in constraint violations as a client knows them: by kind and
 * wire name ({@code query parameter 'limit'}, read from the JAX-RS annotations of the generated
 * interface), and {@value #BODY} for the request body. Registered with Jersey's Bean Validation
 * as its {@link ValidationConfig}, with {@link EnumValuesNotCascaded} as its traversable resolver.
 */
public final class WireParameterNames implements ParameterNameProvider, ContextResolver<ValidationConfig> {

    private final EnumValuesNotCascaded enums = new EnumValuesNotCascaded();

    /** The name of a parameter with no JAX-RS annotation: the entity. */
    public static final String BODY = "the request body";

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return new ValidationConfig().parameterNameProvider(this).traversableResolver(enums);
    }

    /**
     * Hibernate Validator asks on every validated call, and reading parameter annotations parses
     * them from the class file each time (the JDK does not cache them): once per method here.
     * It was a third of a group listing's CPU.
     */
    private final Map<Method, List<String>> names = new ConcurrentHashMap<>();

    @Override
    public List<String> getParameterNames(Method method) {
        return names.computeIfAbsent(method, m -> {
            List<String> described = new ArrayList<>();
            for (int i = 0; i < m.getParameterCount(); i++) {
                described.add(ParameterNames.describe(m, i).orElse(BODY));
            }
            return List.copyOf(described);
        });
    }

    @Override
    public List<String> getParameterNames(Constructor<?> constructor) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < constructor.getParameterCount(); i++) {
            names.add("arg" + i);
        }
        return names;
    }
}
