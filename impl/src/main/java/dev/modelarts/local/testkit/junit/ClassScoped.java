package dev.modelarts.local.testkit.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Something a test class starts once, from a static extension field, and stops after its last
 * test: its {@code @Nested} classes, whose containers JUnit also runs the field's callbacks for,
 * share it rather than restart it.
 */
public abstract class ClassScoped implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** How many test containers (the class, its @Nested classes) are running on it. */
    private int containers;

    @Override
    public final synchronized void beforeAll(ExtensionContext context) {
        containers++;
        start();
    }

    /** Stops when the outermost container ends. */
    @Override
    public final synchronized void afterAll(ExtensionContext context) {
        if (--containers == 0) {
            close();
        }
    }

    /** Starts it; does nothing when it runs already. */
    public abstract void start();

    /** Stops it; does nothing when it is stopped. */
    @Override
    public abstract void close();
}
