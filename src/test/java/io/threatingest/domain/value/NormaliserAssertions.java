package io.threatingest.domain.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared checks for table-driven normaliser tests. */
final class NormaliserAssertions {

    private NormaliserAssertions() {
    }

    static void accepts(Normaliser normaliser, String input, String expected) throws InvalidValueException {
        NormalisedValue value = normaliser.normalise(RawValue.text(input));
        assertEquals(expected, value.text(), () -> "normalised text of <" + input + ">");
        assertEquals(value.text(), normaliser.normalise(RawValue.text(value.text())).text(),
                () -> "normalising <" + expected + "> again must not change it");
    }

    static String rejects(Normaliser normaliser, String input) {
        return assertThrows(InvalidValueException.class, () -> normaliser.normalise(RawValue.text(input)),
                () -> "<" + input + "> must be rejected").getMessage();
    }
}
