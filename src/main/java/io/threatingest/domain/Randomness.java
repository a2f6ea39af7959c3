package io.threatingest.domain;

import java.security.SecureRandom;

/**
 * The process's strong random generator (salts, UUIDv7 random bits), created on first use.
 *
 * <p>
 * The generator lives in {@link Holder}, which the native build initialises at run time
 * ({@code META-INF/native-image/io.threatingest/threat-ingest/native-image.properties}): Quarkus initialises
 * application classes while building the executable, and a generator created then would be frozen into the image
 * heap with one seed for every process started from that executable (the builder refuses it). On the JVM the holder
 * idiom makes no difference but laziness. Code that keeps a random generator in static state takes it from here, and
 * {@code NativeStaticStateTest} fails on any other static field of that kind.
 */
public final class Randomness {

    private Randomness() {
    }

    public static SecureRandom secure() {
        return Holder.SECURE;
    }

    /** Initialised at run time in the native executable; the one class that may hold a generator statically. */
    static final class Holder {

        static final SecureRandom SECURE = new SecureRandom();

        private Holder() {
        }
    }
}
