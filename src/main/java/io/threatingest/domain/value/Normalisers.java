package io.threatingest.domain.value;

/** Factory for normalisers that are not singletons of their own class. */
public final class Normalisers {

    private Normalisers() {
    }

    public static Normaliser notYetSupported(String dataType) {
        return new NotYetSupported(dataType);
    }
}
