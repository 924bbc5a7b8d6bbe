/**
 * The supported test API of the ModelArts image server: the only classes a test should import.
 *
 * <p>{@link dev.modelarts.local.testkit.LocalModelArts} is a running server as a test sees it,
 * whether the JUnit extension started it in the test's JVM
 * ({@code dev.modelarts.local.testkit.junit.ModelArtsServerExtension}, in the server's jar) or
 * Testcontainers started its image ({@code dev.modelarts.local.testkit.testcontainers.ModelArtsContainer},
 * in {@code modelarts-testcontainers}): its address, the credential the kit uses
 * ({@link dev.modelarts.local.testkit.TestCredential}), a ready client
 * ({@link dev.modelarts.local.testkit.ModelArtsClient}), the official SDK's credentials, and the
 * test controls (reset, seed, faults, transitions, the clock, request verification).
 *
 * <p>These packages ({@code dev.modelarts.local.testkit} and its subpackages) keep their
 * signatures within a major version; every other package of the server may change in any release.
 */
package dev.modelarts.local.testkit;
