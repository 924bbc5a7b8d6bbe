package dev.modelarts.local.server;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import dev.modelarts.local.errors.EnumValuesNotCascaded;

/**
 * A file's entries checked against the spec's constraints (the Bean Validation annotations of the
 * generated models), as the API checks its bodies: for the {@code --seed} and {@code --faults}
 * files, which are read before any request.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    /**
     * The first violation, by path, as the file spells it ({@code images[1].swr_path must match
     * ...}, not the Java names); empty when {@code bean} holds.
     */
    static Optional<String> firstViolation(Object bean) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .traversableResolver(new EnumValuesNotCascaded()).buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            return validator.validate(bean).stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath().toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                            .toLowerCase(Locale.ROOT) + " " + v.getMessage());
        }
    }
}
