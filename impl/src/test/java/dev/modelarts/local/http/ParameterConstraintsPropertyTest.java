package dev.modelarts.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import dev.modelarts.local.resources.ContractResource;
import dev.modelarts.local.resources.HealthResource;
import dev.modelarts.local.resources.IamResource;
import dev.modelarts.local.resources.ImageGroupsResource;
import dev.modelarts.local.resources.ImagesResource;
import dev.modelarts.local.resources.MetricsResource;
import dev.modelarts.local.resources.TestControlResource;

/**
 * {@link ParameterConstraints} against Hibernate Validator itself, on every operation of every
 * resource the server registers, with arguments near each constraint's edges (lengths around
 * the spec's limits, characters in and out of its patterns, numbers around its bounds, nulls):
 * whatever the checks let through, Bean Validation finds nothing wrong with; and where no
 * request body is given, they let through all that Bean Validation does, so the quick path is
 * taken whenever it can be.
 */
class ParameterConstraintsPropertyTest {

    private static final List<Class<?>> RESOURCES = List.of(ImageGroupsResource.class, ImagesResource.class,
            IamResource.class, HealthResource.class, ContractResource.class, MetricsResource.class,
            TestControlResource.class);
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final ExecutableValidator VALIDATOR = FACTORY.getValidator().forExecutables();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void theChecksAgreeWithBeanValidation() throws Exception {
        for (Class<?> resource : RESOURCES) {
            Object instance = instance(resource);
            for (Method method : operations(resource)) {
                Optional<ParameterConstraints> checks = ParameterConstraints.of(resource, method);
                if (checks.isEmpty()) {
                    continue;
                }
                qt().withExamples(400).forAll(arguments(method)).checkAssert(args -> {
                    boolean valid = VALIDATOR.validateParameters(instance, method, args).isEmpty();
                    boolean passes = checks.get().allPass(args);
                    if (passes) {
                        assertThat(valid).as("%s%s: the checks let through what Bean Validation refuses",
                                method.getName(), Arrays.toString(args)).isTrue();
                    } else if (noBody(method, args)) {
                        assertThat(valid).as("%s%s: the checks refuse what Bean Validation lets through",
                                method.getName(), Arrays.toString(args)).isFalse();
                    }
                });
            }
        }
    }

    @Test
    void theHotReadsHaveTheirChecksAndOnlyBodiesAreLeftToBeanValidation() throws Exception {
        for (String name : List.of("listImageGroup", "listImage", "showImage")) {
            Class<?> resource = name.equals("listImageGroup") ? ImageGroupsResource.class : ImagesResource.class;
            Method method = Stream.of(resource.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
            assertThat(ParameterConstraints.of(resource, method)).as(name).isPresent();
        }
        // a method whose only constrained argument is a body still gets checks: for the other arguments
        Method register = Stream.of(ImagesResource.class.getMethods()).filter(m -> m.getName().equals("registerImage"))
                .findFirst().orElseThrow();
        ParameterConstraints checks = ParameterConstraints.of(ImagesResource.class, register).orElseThrow();
        assertThat(checks.allPass(new Object[] {"project", null})).as("no body: @NotNull").isFalse();
    }

    /** The operations the resource serves: the methods of its generated interfaces. */
    private static List<Method> operations(Class<?> resource) throws NoSuchMethodException {
        List<Method> found = new ArrayList<>();
        for (Class<?> api : resource.getInterfaces()) {
            for (Method declared : api.getDeclaredMethods()) {
                found.add(resource.getMethod(declared.getName(), declared.getParameterTypes()));
            }
        }
        found.sort(Comparator.comparing(Method::getName));
        return found;
    }

    private static boolean noBody(Method method, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && !simple(method.getParameterTypes()[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean simple(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || type == Boolean.class
                || type.isEnum() || type.isPrimitive();
    }

    private static Gen<Object[]> arguments(Method method) {
        List<Gen<Object>> each = Stream.of(method.getParameterTypes()).map(ParameterConstraintsPropertyTest::values)
                .toList();
        return random -> each.stream().map(gen -> gen.generate(random)).toArray();
    }

    private static Gen<Object> values(Class<?> type) {
        if (type == String.class) {
            return text().toOptionals(10).map(value -> value.orElse(null));
        }
        if (type == Integer.class || type == Long.class) {
            Gen<Long> near = arbitrary().pick(List.of(Long.MIN_VALUE, -1L, 0L, 1L, 2L, 199L, 200L, 999L, 1000L, 1001L,
                    (long) Integer.MAX_VALUE, Long.MAX_VALUE));
            Gen<Long> number = near.mix(integers().between(-5, 5000).map(Integer::longValue), 30);
            Gen<Object> boxed = type == Integer.class ? number.map(value -> (Object) (int) (long) value)
                    : number.map(value -> (Object) value);
            return boxed.toOptionals(85).map(value -> value.orElse(null));
        }
        if (type == Boolean.class) {
            return arbitrary().pick(Arrays.asList(null, true, false));
        }
        if (type.isEnum()) {
            List<Object> constants = new ArrayList<>(Arrays.asList(type.getEnumConstants()));
            constants.add(null);
            return arbitrary().pick(constants);
        }
        // a request body: absent, or one with nothing set, which Bean Validation looks inside
        return arbitrary().pick(Arrays.asList(null, "body")).map(choice -> choice == null ? null : newBody(type));
    }

    /** Text of a length near the spec's limits, of characters in and out of its patterns. */
    private static Gen<String> text() {
        Gen<Integer> length = arbitrary().pick(List.of(0, 1, 2, 3, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257,
                511, 512, 513));
        Gen<Character> character = arbitrary().pick(List.of('a', 'b', 'z', '0', '9', '.', '_', '-', 'A', 'Z', ' ', '/',
                ',', '%', 'é', ':', '\n'));
        Gen<String> hex32 = lists().of(arbitrary().pick(List.of('0', '7', 'a', 'f', 'z'))).ofSize(32)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
        Gen<String> any = length.flatMap(n -> lists().of(character).ofSize(n)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining())));
        Gen<String> plain = length.flatMap(n -> lists().of(arbitrary().pick(List.of('a', 'x', '0', '.', '_', '-')))
                .ofSize(n).map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining())));
        // "a\n": a pattern's $ matches before a final line end, so only a whole-value match refuses it
        return any.mix(plain, 40).mix(hex32, 10).mix(arbitrary().pick(List.of("0", "a", "a1", "project", "a\n")), 15);
    }

    private static Object newBody(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no public constructor without arguments", e);
        }
    }

    /** The resource with nothing behind it: only its class and annotations are asked about. */
    private static Object instance(Class<?> resource) throws ReflectiveOperationException {
        Constructor<?> constructor = Stream.of(resource.getConstructors())
                .min(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
        Object[] args = Stream.of(constructor.getParameterTypes())
                .map(type -> type == boolean.class ? (Object) false : null).toArray();
        return constructor.newInstance(args);
    }
}
