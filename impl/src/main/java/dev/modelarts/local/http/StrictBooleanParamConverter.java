package dev.modelarts.local.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

/**
 * Booleans in queries and paths accept only {@code true} and {@code false} (in any case). JAX-RS
 * would read any other text, {@code name_fuzzy_match=banana} say, silently as false.
 */
public final class StrictBooleanParamConverter implements ParamConverterProvider, ParamConverter<Boolean> {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Boolean.class || rawType == boolean.class ? (ParamConverter<T>) this : null;
    }

    @Override
    public Boolean fromString(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        } else if ("false".equalsIgnoreCase(value)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    @Override
    public String toString(Boolean value) {
        return value.toString();
    }
}
