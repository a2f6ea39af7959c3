package io.threatingest.domain.value;

import static io.threatingest.domain.value.NormaliserAssertions.accepts;
import static io.threatingest.domain.value.NormaliserAssertions.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormaliserTest {

    private static final TextNormaliser STR = TextNormaliser.CASE_SENSITIVE;
    private static final TextNormaliser ISTR = TextNormaliser.CASE_INSENSITIVE;

    @Test
    void caseSensitiveKeepsCaseAndSurroundingSpace() throws Exception {
        accepts(STR, "Hello World", "Hello World");
        accepts(STR, "  padded\t", "  padded\t");
    }

    @Test
    void caseInsensitiveLowercasesPerCodePoint() throws Exception {
        accepts(ISTR, "Emotet LOADER", "emotet loader");
        // Go maps capital sigma to small sigma everywhere; Java's toLowerCase would give a final sigma.
        accepts(ISTR, "ΟΔΟΣ", "οδοσ");
        // U+0130 lowercases to a plain i, without the combining dot Java's toLowerCase adds.
        accepts(ISTR, "\u0130stanbul", "istanbul");
        accepts(ISTR, "K\u212A", "kk");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a\u0000b|a b", "a\u007fb|a b", "x\u200by|x y", "soft\u00adhyphen|soft hyphen", "e\u0301|'e '",
            "flag\uFE0F|'flag '", "bom\uFEFF|'bom '", "pua\uE000|'pua '", "keep\u00a0nbsp|keep\u00a0nbsp",
            "keep\ttab|keep\ttab", "keep\u2028ls|keep\u2028ls", "\uFFFD|\uFFFD", "€ 5|€ 5", "x\u0085y|x\u0085y" })
    void mapsCodePointsOutsideLettersNumbersPunctuationSymbolsAndSpaceToSpace(String input, String expected)
            throws Exception {
        accepts(STR, input, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "\t\n", "\u0000", "\u200b", "\u00a0", "\u0000\u200b\u3000" })
    void rejectsValuesThatAreOnlySpaceAfterMapping(String input) {
        assertEquals("value cannot be empty", rejects(STR, input));
        assertEquals("value cannot be empty", rejects(ISTR, input));
    }

    @Test
    void limitCountsUtf8BytesNotCharacters() throws Exception {
        accepts(STR, "a".repeat(65_536), "a".repeat(65_536));
        assertEquals("string exceeds 65536 characters", rejects(STR, "a".repeat(65_537)));
        // 21,846 three-byte characters: fewer than 65,536 characters but 65,538 bytes.
        assertEquals("string exceeds 65536 characters", rejects(ISTR, "€".repeat(21_846)));
        accepts(STR, "€".repeat(21_845), "€".repeat(21_845));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() throws Exception {
        assertEquals("a\uFFFDb", STR.normalise(RawValue.text("a\uD800b")).text());
        assertEquals("\uD83D\uDE00", STR.normalise(RawValue.text("\uD83D\uDE00")).text());
    }

    @Test
    void refusesNonStrings() {
        assertThrows(InvalidValueException.class, () -> STR.normalise(new RawValue.Number("5")));
        assertThrows(InvalidValueException.class, () -> ISTR.normalise(new RawValue.Other("boolean")));
    }
}
