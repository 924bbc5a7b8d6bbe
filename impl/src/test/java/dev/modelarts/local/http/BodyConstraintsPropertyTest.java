package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import dev.modelarts.local.api.model.ImageRegRequest;
import dev.modelarts.local.resources.ImageGroupsResource;
import dev.modelarts.local.resources.ImagesResource;
import dev.modelarts.local.resources.TestControlResource;

/**
 * {@link BodyConstraints} against Hibernate Validator itself, on every request body type the
 * server's operations take, filled through their setters with values near each constraint's
 * edges (text around the spec's lengths and patterns, lists around their sizes, nested models,
 * free JSON, nulls): whatever the checks let through, Bean Validation finds nothing wrong with,
 * and what it finds nothing wrong with, they let through, so the quick path is taken whenever it
 * can be.
 */
class BodyConstraintsPropertyTest {

    private static final int EXAMPLES = 1000;
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void theChecksAgreeWithBeanValidationOnEveryBodyType() {
        Set<String> checked = new TreeSet<>();
        for (Class<?> type : bodyTypes()) {
            BodyConstraints checks = BodyConstraints.of(type).orElse(null);
            if (checks == null) {
                continue;
            }
            checked.add(type.getSimpleName());
            int[] valid = {0};
            qt().withExamples(EXAMPLES).withFixedSeed(type.getName().hashCode()).forAll(bean(type, 0)).checkAssert(body -> {
                boolean beanValidation = VALIDATOR.validate(body).isEmpty();
                valid[0] += beanValidation ? 1 : 0;
                assertThat(checks.passes(body)).as("%s: the checks and Bean Validation on %s", type.getSimpleName(), body)
                        .isEqualTo(beanValidation);
            });
            assertThat(valid[0]).as(type.getSimpleName() + ": bodies Bean Validation finds valid, of " + EXAMPLES)
                    .isPositive().isLessThan(EXAMPLES);
        }
        // the registration, which the edge answers with them, and others of plain fields (a fault rule's
        // @DecimalMin and a group update's List<@Valid TmsTag> are not known: Bean Validation's)
        assertThat(checked).contains("ImageRegRequest", "ClockChange", "RequestCheck");
    }

    @Test
    void aTypeWithAConstraintTheChecksDoNotKnowHasNone() {
        assertThat(BodyConstraints.of(Unknown.class)).isEmpty();
        assertThat(BodyConstraints.of(HoldsUnknown.class)).isEmpty();
        assertThat(BodyConstraints.of(ImageRegRequest.class)).isPresent();
    }

    /**
     * A model that holds itself is left to Bean Validation (its checks would recurse), however
     * often it is asked; a model held twice by another is read for both, and checked in both.
     */
    @Test
    void aModelThatHoldsItselfHasNoneAndOneHeldTwiceIsCheckedInBoth() {
        assertThat(BodyConstraints.of(Chain.class)).isEmpty();
        assertThat(BodyConstraints.of(Chain.class)).isEmpty();
        BodyConstraints pair = BodyConstraints.of(Pair.class).orElseThrow();
        assertThat(pair.passes(new Pair(new Named("ab"), new Named("cd")))).isTrue();
        assertThat(pair.passes(new Pair(new Named("ab"), new Named("toolong")))).isFalse();
        assertThat(pair.passes(new Pair(new Named("toolong"), null))).isFalse();
        assertThat(VALIDATOR.validate(new Pair(new Named("ab"), new Named("toolong")))).isNotEmpty();
    }

    /** Holds one of its own kind. */
    static final class Chain {
        @Valid
        public Chain getNext() {
            return null;
        }
    }

    /** A name of at most three characters. */
    static final class Named {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @jakarta.validation.constraints.Size(max = 3)
        public String getName() {
            return name;
        }
    }

    /** The same model twice. */
    static final class Pair {
        private final Named first;
        private final Named second;

        Pair(Named first, Named second) {
            this.first = first;
            this.second = second;
        }

        @Valid
        public Named getFirst() {
            return first;
        }

        @Valid
        public Named getSecond() {
            return second;
        }
    }

    /** A constraint the checks do not know. */
    static final class Unknown {
        @jakarta.validation.constraints.Email
        public String getMail() {
            return "x";
        }
    }

    /** A cascade into a type the checks cannot vouch for. */
    static final class HoldsUnknown {
        @Valid
        public List<Unknown> getUnknowns() {
            return List.of();
        }
    }

    /** Every type a resource method takes with {@code @Valid}: the request bodies. */
    private static List<Class<?>> bodyTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> resource : List.of(ImagesResource.class, ImageGroupsResource.class, TestControlResource.class)) {
            for (Class<?> api : resource.getInterfaces()) {
                for (Method method : api.getDeclaredMethods()) {
                    for (int i = 0; i < method.getParameterCount(); i++) {
                        if (Stream.of(method.getParameterAnnotations()[i]).anyMatch(a -> a instanceof Valid)) {
                            types.add(method.getParameterTypes()[i]);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(types);
    }

    /** A {@code type} with each settable property left alone or set to a generated value. */
    private static Gen<Object> bean(Class<?> type, int depth) {
        // in name order: getMethods() has none, and a fixed seed must draw the same bodies every run
        List<Method> setters = Stream.of(type.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
                .sorted(Comparator.comparing(Method::getName)).toList();
        // a required property is mostly set, the others mostly left alone: valid bodies are drawn too
        List<Gen<Object>> values = setters.stream()
                .map(setter -> value(setter.getGenericParameterTypes()[0], depth)
                        .toOptionals(required(type, setter) ? 10 : 85).map(v -> v.orElse(Unset.UNSET)))
                .toList();
        return random -> {
            Object bean = newInstance(type);
            for (int i = 0; i < setters.size(); i++) {
                Object value = values.get(i).generate(random);
                if (value != Unset.UNSET) {
                    invoke(setters.get(i), bean, value);
                }
            }
            return bean;
        };
    }

    private enum Unset { UNSET }

    /** Whether the property {@code setter} sets is {@code @NotNull} on its getter. */
    private static boolean required(Class<?> type, Method setter) {
        try {
            return type.getMethod("get" + setter.getName().substring(3)).isAnnotationPresent(NotNull.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Gen<Object> value(Type type, int depth) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Gen<Object> element = value(list.getActualTypeArguments()[0], depth + 1);
            Gen<Integer> size = arbitrary().pick(List.of(0, 1, 2, 3, 4, 6, 7, 20, 21));
            return size.flatMap(n -> lists().of(element).ofSize(n)).map(l -> (Object) new ArrayList<>(l));
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            return freeJson(depth).map(v -> (Object) new LinkedHashMap<>(Map.of("k", v)));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return text().map(s -> (Object) s);
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            Gen<Integer> n = arbitrary().pick(List.of(-1, 0, 1, 2, 59, 60, 100, 3600, 86400, 86401, Integer.MAX_VALUE))
                    .mix(integers().between(-5, 5000), 30);
            return c == Long.class || c == long.class ? n.map(Integer::longValue) : n.map(i -> (Object) i);
        }
        if (c == Boolean.class || c == boolean.class) {
            return arbitrary().pick(List.of(true, false)).map(b -> (Object) b);
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return arbitrary().pick(List.of(-1.0, 0.0, 0.5, 1.0, 1.5, 100.0)).map(d -> c == Double.class || c == double.class
                    ? (Object) d : (Object) d.floatValue());
        }
        if (c.isEnum()) {
            return arbitrary().pick(Arrays.asList(c.getEnumConstants())).map(e -> (Object) e);
        }
        if (c == Object.class) {
            return freeJson(depth);
        }
        if (depth > 3) {
            return random -> newInstance(c);
        }
        return bean(c, depth + 1);
    }

    /** What Jackson makes of free JSON: text, numbers, maps and lists of them. */
    private static Gen<Object> freeJson(int depth) {
        Gen<Object> leaf = arbitrary().pick(List.of("a", "v1", 1, 2.5, true)).map(v -> (Object) v);
        if (depth > 3) {
            return leaf;
        }
        return leaf.mix(freeJson(depth + 1).map(v -> (Object) new LinkedHashMap<>(Map.of("key", v))), 20)
                .mix(freeJson(depth + 1).map(v -> (Object) new ArrayList<>(List.of(v))), 10);
    }

    /** Text of a length near the spec's limits, of characters in and out of its patterns. */
    private static Gen<String> text() {
        Gen<Integer> length = arbitrary().pick(List.of(0, 1, 15, 16, 31, 32, 33, 64, 65, 128, 129, 512, 513, 3000, 3001));
        Gen<String> plain = length.flatMap(n -> lists().of(arbitrary().pick(List.of('a', 'x', '0', 'A', '_', '-', '.')))
                .ofSize(n).map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining())));
        Gen<String> hex32 = lists().of(arbitrary().pick(List.of('0', '7', 'a', 'f', 'z'))).ofSize(32)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
        Gen<String> swr = arbitrary().pick(List.of("swr.cn-north-4.myhuaweicloud.com/team/app:v1", "team/app:v1",
                "registry:5000/team/app:v1", "swr.example.com/ns/image-2:latest", "a.b:5000/ns_x/y.z:1.0",
                "swr.cn-north-4.myhuaweicloud.com/team/app:v1-rc", "Team/app:v1", "team/app", "t/a:b", "team/app:v1\n", "a/b:c" + "d".repeat(130)));
        return plain.mix(hex32, 10).mix(swr, 30).mix(arbitrary().pick(List.of("0", "GPU_X", "a b", "é", "")), 10);
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no public constructor without arguments", e);
        }
    }

    private static void invoke(Method setter, Object bean, Object value) {
        try {
            setter.invoke(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(setter + " refused " + value, e);
        }
    }
}
