package dev.modelarts.local.errors;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ParameterNameProvider;
import jakarta.ws.rs.ext.ContextResolver;

import org.glassfish.jersey.server.validation.ValidationConfig;

/**
 * Names resource-method parameters in constraint violations as a client knows them: by kind and
 * wire name ({@code query parameter 'limit'}, read from the JAX-RS annotations of the generated
 * interface), and {@value #BODY} for the request body. Registered with Jersey's Bean Validation
 * as its {@link ValidationConfig}.
 */
public final class WireParameterNames implements ParameterNameProvider, ContextResolver<ValidationConfig> {

    /** The name of a parameter with no JAX-RS annotation: the entity. */
    public static final String BODY = "the request body";

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return new ValidationConfig().parameterNameProvider(this);
    }

    @Override
    public List<String> getParameterNames(Method method) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            names.add(ParameterNames.describe(method, i).orElse(BODY));
        }
        return names;
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
