package io.threatingest.domain.value;

import static io.threatingest.domain.value.NormaliserAssertions.accepts;
import static io.threatingest.domain.value.NormaliserAssertions.rejects;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FqdnNormaliserTest {

    private static final FqdnNormaliser FQDN = FqdnNormaliser.INSTANCE;

    @ParameterizedTest
    @CsvSource({
            "Example.COM, example.com", "a.bc, a.bc", "maibuzhao.cn, maibuzhao.cn", "www.garrett.kz, www.garrett.kz",
            "griincom.co.ke, griincom.co.ke", "xn--bcher-kva.de, xn--bcher-kva.de", "a--b.com, a--b.com",
            "a-b-c.d-e.org, a-b-c.d-e.org", "1.2.3.com, 1.2.3.com", "a.abcdefghijklmnopqrst, a.abcdefghijklmnopqrst",
            "\u212Aeys.com, keys.com", "ſ.com, ſ.com", "a.ſs, a.ſs" })
    void acceptsDomainNamesLowercased(String input, String expected) throws Exception {
        accepts(FQDN, input, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "com", "a.c", "exa_mple.com", "-a.com", "a-.com", "a---b.com", "a..com", "a.com.",
            ".a.com", "a.b-c", "a.-b.com", "a.b1", "a.xn--p1ai", "bücher.de", "*.example.com", "a b.com",
            "a.abcdefghijklmnopqrstu", "localhost", "8.8.8.8", "a.com/x", "a.com:80" })
    void rejectsWhatThePatternRejects(String input) {
        rejects(FQDN, input);
    }

    @Test
    void longLabelsAndNamesHaveNoLimit() throws Exception {
        String name = "a".repeat(300) + "." + "b".repeat(70) + ".com";
        accepts(FQDN, name, name);
    }

    @Test
    void adversarialNearMissesFinishInLinearTime() {
        String nearMiss = "a-".repeat(100_000) + "a!";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(FqdnNormaliser.matches(nearMiss)));
        String dots = "a.".repeat(100_000) + "1";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(FqdnNormaliser.matches(dots)));
    }
}
