package dev.modelarts.local.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

/**
 * Whole numbers in queries and paths only as the spec writes them: ASCII digits, with an
 * optional minus sign. JAX-RS reads them with {@code Integer.valueOf}, which also takes a
 * leading {@code +} and the digits of every other script ({@code ٣} as 3).
 */
public final class StrictIntegerParamConverter implements ParamConverterProvider {

    private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private static final ParamConverter<Integer> INTEGER = new Converter<>() {
        @Override
        Integer parse(String value) {
            return Integer.valueOf(value);
        }
    };
    private static final ParamConverter<Long> LONG = new Converter<>() {
        @Override
        Long parse(String value) {
            return Long.valueOf(value);
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) INTEGER;
        } else if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) LONG;
        }
        return null;
    }

    private abstract static class Converter<N extends Number> implements ParamConverter<N> {
        abstract N parse(String value);

        @Override
        public N fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!ASCII_INTEGER.matcher(value).matches()) {
                throw new IllegalArgumentException("not a whole number in ASCII digits");
            }
            return parse(value); // NumberFormatException (an IllegalArgumentException) on overflow
        }

        @Override
        public String toString(N value) {
            return value.toString();
        }
    }
}
