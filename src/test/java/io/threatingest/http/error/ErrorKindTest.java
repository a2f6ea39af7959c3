package io.threatingest.http.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The public error codes are a contract: each kind keeps the code it has been answering with. */
class ErrorKindTest {

    /** Every code given out so far, by kind. A kind may be renamed or reworded; its code stays. */
    private static final String GIVEN_OUT = """
            INVALID_REQUEST aafa1753cf7c9ec4007a52d13c41571e
            INVALID_QUERY_PARAMETER 076ae8f7d5ca0c3352703f318240b14f
            BODY_REQUIRED 9d5f0058efec014a77c877ef6b307382
            MALFORMED_JSON 8a60774108c6b6e2c11346dba5d9870a
            WRONG_JSON_TYPE 205611a45f1f6c668047c927562cd21e
            JSON_LIMIT 6bf9f74dcbabb865c358a521d1758fd8
            INVALID_DOCUMENT 62fddf0b53238405e3ffc869929d139b
            NOTHING_TO_INGEST 9b3113b01258238d69e5272e3d475251
            INVALID_IDEMPOTENCY_KEY 3a428beb72cb1550cc6ec67e09377602
            NOT_PUBLISHED 7a9991b75d3865c3abbcf50262b2b5b8
            AUTHENTICATION_FAILED c41c77e4dddc04b1e0752a6050ae5656
            FORBIDDEN 350f9d68221a0db19024ee40cfc3c7f8
            NOT_FOUND d8f4a1993546cc4b850cde3599e27aec
            NOT_ACCEPTABLE a793e5355e999491787110ac5423cff3
            IDEMPOTENCY_KEY_IN_USE 812dccbe8a1f05e0fab48f2d5a0f16bc
            BODY_TOO_LARGE f34aea6bec3e002551b363c59d34ab1e
            UNSUPPORTED_MEDIA_TYPE 51e20034ae0fd8725278051fdc35a4df
            IDEMPOTENCY_KEY_REUSED 7c872961ee8c4cb4845dc544f8c0ce84
            REFUSED_BY_SCREENING 03cb5624e7979e2b714d0c82fcab7e69
            TOO_MANY_REQUESTS db629e4600228d95bc9f70c28f3e0c03
            INTERNAL_ERROR ecfd1ab1caed9e704de9ea592b23c60c
            BROKER_UNAVAILABLE 174e85cc989f77c0d2df510374c02b6f
            BROKER_UNAVAILABLE_OBJECTS 7d03e09b46666ecc6df7611dad887cde
            BROKER_OVERLOADED 2fac3266e35dbedffc7174c966a81644
            NOT_CONFIGURED d56aa1c0668afa8300e58a540c04e4e1
            SHUTTING_DOWN 76c42868c63df36d2b7c088c83198ec7
            IDEMPOTENCY_UNAVAILABLE cfb206539a8a6c518707caf91494c4db
            RATE_LIMITS_UNAVAILABLE 7cb394201faeb47af29ad2310262f81e
            SCAN_TASKS_UNAVAILABLE 995404fea00535921cbcfdf3d41a3dff
            TAXII_STATUSES_UNAVAILABLE 91c01727ad95398c6abd9ac078b73c02
            BODIES_IN_PROGRESS 11383c37b25316cc3620637e3f35f834
            """;

    @Test
    void everyKindKeepsTheCodeItWasGivenOutWith() {
        Map<String, String> given = new LinkedHashMap<>();
        GIVEN_OUT.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] parts = line.split(" ");
            given.put(parts[0], parts[1]);
        });
        for (ErrorKind kind : ErrorKind.values()) {
            assertEquals(given.get(kind.name()), kind.code(), kind.name());
        }
        assertEquals(given.size(), ErrorKind.values().length, "a kind was removed: its code must not be reused");
    }

    @Test
    void codesAreDistinctAndLookTheSame() {
        Set<String> codes = new HashSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            assertTrue(kind.code().matches("[0-9a-f]{32}"), kind.name());
            assertTrue(codes.add(kind.code()), "code of " + kind.name() + " used twice");
        }
    }

    @Test
    void theAnswerCarriesTheKindsStatusSummaryAndCode() {
        for (ErrorKind kind : ErrorKind.values()) {
            Response answer = ErrorResponses.build(kind, "what was wrong", "/p", Duration.ofSeconds(3), null);
            ErrorBody.Detail detail = ((ErrorBody) answer.getEntity()).error();
            assertEquals(kind.status(), answer.getStatus(), kind.name());
            assertEquals(kind.code(), detail.code(), kind.name());
            assertEquals(kind.summary() + ": what was wrong", detail.message(), kind.name());
            assertEquals(kind.summary() + ": what was wrong", answer.getHeaderString(ErrorResponses.X_ERROR));
            assertEquals("3", answer.getHeaderString("Retry-After"));
            assertEquals("/p", detail.param());
        }
    }

    @Test
    void theFrameworksOwnRefusalsAreNamedByTheReasonPhrase() {
        Response answer = ErrorResponses.framework(405, "method not allowed", null);
        ErrorBody.Detail detail = ((ErrorBody) answer.getEntity()).error();
        assertEquals(405, answer.getStatus());
        assertEquals("method not allowed", detail.message());
        assertTrue(Arrays.stream(ErrorKind.values()).noneMatch(kind -> kind.code().equals(detail.code())));
        assertEquals(detail.code(), ((ErrorBody) ErrorResponses.framework(405, "method not allowed", null)
                .getEntity()).error().code(), "the same phrase, the same code");
    }
}
