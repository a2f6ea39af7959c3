package io.threatingest.domain.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegerNormaliserTest {

    @ParameterizedTest
    @CsvSource({ "15169, 15169", "-10, -10", "0, 0", "-0, 0", "9223372036854775807, 9223372036854775807",
            "-9223372036854775808, -9223372036854775808" })
    void acceptsIntegersAsBase10Text(String literal, String expected) throws Exception {
        NormalisedValue value = IntegerNormaliser.INSTANCE.normalise(new RawValue.Number(literal));
        assertEquals(expected, value.text());
        assertEquals(Long.parseLong(expected), value.value());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.0", "1.5", "1e3", "1E3", "9223372036854775808", "-9223372036854775809" })
    void rejectsFractionsExponentsAndOverflow(String literal) {
        assertThrows(InvalidValueException.class,
                () -> IntegerNormaliser.INSTANCE.normalise(new RawValue.Number(literal)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "5", "15169", "" })
    void rejectsStrings(String text) {
        assertThrows(InvalidValueException.class, () -> IntegerNormaliser.INSTANCE.normalise(RawValue.text(text)));
    }
}
