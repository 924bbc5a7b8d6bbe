package dev.modelarts.local.http;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ValidationException;

import org.glassfish.jersey.server.spi.ValidationInterceptor;
import org.glassfish.jersey.server.spi.ValidationInterceptorContext;

/**
 * Lets a request whose parameters plainly meet the spec's constraints through without Bean
 * Validation, and hands every other one to it. On the hot reads (the listings and ShowImage)
 * Bean Validation's per-call work (its metadata lookups, a bean check of the resource object,
 * the executable validator) cost more than the reads themselves once their answers are kept:
 * with it switched off altogether the group listing served some 40 % more at the steady state
 * (BENCHMARKS.md, "the hot path without Bean Validation, and kept JSON").
 *
 * <p>The refusals do not change: whatever the checks of {@link ParameterConstraints} do not
 * vouch for, a failed check, a request body its type's checks ({@link BodyConstraints}) do not
 * vouch for, a method with a constraint they do not know, goes
 * on to Bean Validation, whose violations the error mappers turn into the ModelArts answers as
 * before. Jersey calls the registered interceptors before its own, which is the validation.
 */
public final class QuickValidation implements ValidationInterceptor {

    private final Map<Method, Optional<ParameterConstraints>> checks = new ConcurrentHashMap<>();

    @Override
    public void onValidate(ValidationInterceptorContext context) throws ValidationException {
        Object resource = context.getResource();
        Method method = context.getInvocable().getHandlingMethod();
        Optional<ParameterConstraints> constraints = checks.computeIfAbsent(method,
                m -> ParameterConstraints.of(resource.getClass(), m));
        if (constraints.isPresent() && constraints.get().allPass(context.getArgs())) {
            return;
        }
        context.proceed();
    }
}
