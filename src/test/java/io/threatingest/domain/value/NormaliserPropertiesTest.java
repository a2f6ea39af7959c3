package io.threatingest.domain.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.threatingest.domain.DataType;
import io.threatingest.support.DataTypeSamples;
import io.threatingest.support.DataTypeSamples.Sample;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties every data type keeps: any input gives a normalised value or a validation error (never another
 * exception), normalising a normalised value changes nothing, and long adversarial inputs finish quickly.
 */
class NormaliserPropertiesTest {

    /**
     * Types whose normalised form can fail their own rule on a second pass, by the reference's design: a CIDR
     * network may be non-public ({@code 8.8.8.8/0} gives {@code 0.0.0.0/0}), an email's quoted local part
     * loses its quotes, a datetime offset beyond 24:00 prints as a wider one. When such a value is accepted
     * again, it must still come back unchanged.
     */
    private static final Set<DataType> MAY_REJECT_OWN_OUTPUT = EnumSet.of(DataType.CIDR, DataType.EMAIL,
            DataType.DATETIME);

    private static final String ALPHABET = "aAzZ09fF.:-_/@%[]?#+()<>\"' \t{}*,;=\\!~$&TtZz\u00e9\u0130\u212a\u017f\u00a0";

    @Provide
    Arbitrary<DataType> dataTypes() {
        return Arbitraries.of(DataType.class);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars(ALPHABET).ofMaxLength(60));
    }

    @Provide
    Arbitrary<RawValue> jsonValues() {
        return Arbitraries.oneOf(
                texts().map(RawValue::text),
                Arbitraries.longs().map(l -> new RawValue.Number(Long.toString(l))),
                Arbitraries.doubles().map(d -> new RawValue.Number(Double.toString(d))),
                Arbitraries.bigDecimals().map(b -> new RawValue.Number(b.toString())),
                Arbitraries.of("1e400", "-1e400", "1e-400", "-0", "9223372036854775808", "0.5E+3")
                        .map(RawValue.Number::new),
                Arbitraries.of("boolean", "object", "array").map(RawValue.Other::new));
    }

    /** Valid samples with small edits: most stay valid, some do not, all must be handled. */
    @Provide
    Arbitrary<Object[]> editedSamples() {
        Arbitrary<Sample> samples = Arbitraries.of(DataTypeSamples.all());
        return samples.flatMap(sample -> {
            java.util.List<String> seeds = new java.util.ArrayList<>(sample.more());
            seeds.add(sample.input());
            Arbitrary<String> seed = Arbitraries.of(seeds);
            Arbitrary<String> edited = Combinators.combine(seed, Arbitraries.integers().between(0, 3),
                    Arbitraries.integers().between(0, 1000), Arbitraries.chars().with(ALPHABET.toCharArray()))
                    .as(NormaliserPropertiesTest::edit);
            return edited.map(value -> new Object[]{ sample, value });
        });
    }

    private static String edit(String seed, int operation, int position, char c) {
        int at = seed.isEmpty() ? 0 : position % (seed.length() + 1);
        switch (operation) {
            case 0 :
                return seed;
            case 1 :
                return seed.substring(0, at) + c + seed.substring(at);
            case 2 :
                return at < seed.length() ? seed.substring(0, at) + seed.substring(at + 1) : seed;
            default :
                StringBuilder flipped = new StringBuilder(seed);
                if (at < seed.length()) {
                    char x = seed.charAt(at);
                    flipped.setCharAt(at,
                            Character.isUpperCase(x) ? Character.toLowerCase(x) : Character.toUpperCase(x));
                }
                return flipped.toString();
        }
    }

    @Property(tries = 3000)
    void anyJsonValueGivesAValueOrAValidationError(@ForAll("dataTypes") DataType type,
            @ForAll("jsonValues") RawValue raw) {
        try {
            NormalisedValue value = type.normaliser().normalise(raw);
            assertEquals(String.class, value.text().getClass());
        } catch (InvalidValueException expected) {
            // a validation error is a valid outcome
        }
    }

    @Property(tries = 3000)
    void normalisingANormalisedValueChangesNothing(@ForAll("editedSamples") Object[] sampleAndValue) {
        Sample sample = (Sample) sampleAndValue[0];
        String input = (String) sampleAndValue[1];
        Normaliser normaliser = sample.dataType().normaliser();
        NormalisedValue first;
        try {
            first = normaliser.normalise(sample.raw(input));
        } catch (InvalidValueException rejected) {
            return;
        }
        try {
            NormalisedValue second = normaliser.normalise(sample.raw(first.text()));
            assertEquals(first.text(), second.text(), () -> sample.dataType() + " changed <" + first.text() + ">");
        } catch (InvalidValueException e) {
            if (!MAY_REJECT_OWN_OUTPUT.contains(sample.dataType())) {
                throw new AssertionError(sample.dataType() + " rejects its own output <" + first.text() + ">: "
                        + e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<String> adversarialInputs() {
        Arbitrary<String> unit = Arbitraries.of("a-", "a.", "a--", "-a", "1", "1.", "1:", ":", "::1:", "a@", "@a",
                "(", "((a)", "a*", "[", "[:", "{", "{1", "%", "%2", "\"", "\\", "/", "//", "?", "=", "+1 ", "a b",
                "\u00e9", "\uD83D\uDE00", "aA", "0-", "<a@b.c>,");
        Arbitrary<String> end = Arbitraries.of("", "!", "\u0000", ".", "-", "@", ")", "]", "}", "a", "1");
        return Combinators.combine(unit, end).as((u, e) -> u.repeat(100_000 / u.length()) + e);
    }

    @Property(tries = 250)
    void longAdversarialInputsFinishQuickly(@ForAll("dataTypes") DataType type,
            @ForAll("adversarialInputs") String input) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                type.normaliser().normalise(RawValue.text(input));
            } catch (InvalidValueException expected) {
                // rejection is fine; only the time is checked here
            }
        }, () -> type + " took too long on " + input.length() + " chars of " + input.substring(0, 8));
    }
}
