package com.example.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's artifacts leave this project's logging to it: no binding, no configuration. */
class ServerImposesNoLoggingTest {

    @Test
    void theLoggingBindingIsThisProjectsOwn() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ch.qos.logback.classic.Logger"));
        assertNull(getClass().getClassLoader().getResource("logback.xml"), "a logback.xml at the classpath's root");
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
