package io.threatingest.http.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void headerValuesArePrintableAsciiAndBounded() {
        assertEquals("unknown type: a??b?c??", ErrorResponses.headerSafe("unknown type: a\r\nb\u0000c\u00e9\u2028"));
        assertEquals(ErrorResponses.MAX_HEADER_CHARS, ErrorResponses.headerSafe("x".repeat(5000)).length());
    }

    @Test
    void logLinesEscapeControlCharactersButKeepText() {
        assertEquals("a\\u000d\\u000ab\\u0000 caf\u00e9", ErrorResponses.printable("a\r\nb\u0000 caf\u00e9"));
    }

    @Test
    void severityFollowsTheStatus() {
        assertEquals("WARNING", ErrorResponses.severity(404));
        assertEquals("ERROR", ErrorResponses.severity(500));
        assertEquals("CRITICAL", ErrorResponses.severity(503));
        assertEquals("ALERT", ErrorResponses.severity(509));
    }
}
