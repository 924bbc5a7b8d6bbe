package dev.modelarts.local.errors;

import java.lang.annotation.ElementType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

/**
 * Bean Validation cascades into every {@code @Valid} property, and the generated models mark
 * lists of enum values {@code @Valid} too ({@code List<ResourceCategory>}). An enum constant is one
 * object shared by every list that holds it, and Hibernate Validator remembers, per object, every
 * path it validated it at and compares each new path with all of them: a document with thousands
 * of images took minutes. Enum values carry no constraints, so not cascading into them finds the
 * same violations; this resolver says so, and lets every other property cascade as declared.
 */
public final class EnumValuesNotCascaded implements TraversableResolver {

    private record Property(Class<?> owner, String name) {
    }

    private final Map<Property, Boolean> cascadable = new ConcurrentHashMap<>();

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        if (traversableObject == null || traversableProperty.getName() == null) {
            return true;
        }
        return cascadable.computeIfAbsent(new Property(traversableObject.getClass(), traversableProperty.getName()),
                property -> !holdsOnlyEnums(property));
    }

    private static boolean holdsOnlyEnums(Property property) {
        for (Class<?> type = property.owner(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(property.name());
                return isEnum(field.getGenericType());
            } catch (NoSuchFieldException e) {
                // declared higher up, or not a field (a method parameter): look on
            }
        }
        return false;
    }

    private static boolean isEnum(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isEnum();
        }
        return type instanceof ParameterizedType generic && generic.getActualTypeArguments().length == 1
                && generic.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum();
    }
}
