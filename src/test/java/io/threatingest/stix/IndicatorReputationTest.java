package io.threatingest.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IndicatorReputationTest {

    /** Columns: the indicator's {@code indicator_types} and {@code confidence} as JSON (empty: absent), reputation. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', textBlock = """
                                                        ~        ~ -1
            ["malicious-activity"]                      ~        ~ -1
            ["malicious-activity"]                      ~ 85     ~ -3
            ["malicious-activity"]                      ~ 70     ~ -3
            ["malicious-activity"]                      ~ 69     ~ -2
            ["malicious-activity"]                      ~ 30     ~ -2
            ["malicious-activity"]                      ~ 29     ~ -1
            ["malicious-activity"]                      ~ 1      ~ -1
            ["malicious-activity"]                      ~ 0      ~ 0
            ["compromised"]                             ~ 100    ~ -3
            ["attribution"]                             ~ 50     ~ -2
            ["x-acme-custom"]                           ~        ~ -1
            []                                          ~ 90     ~ -3
            ["benign"]                                  ~        ~ 1
            ["benign"]                                  ~ 90     ~ 3
            ["benign", "unknown"]                       ~ 40     ~ 2
            ["anomalous-activity"]                      ~ 90     ~ 0
            ["unknown", "anonymization"]                ~        ~ 0
            ["benign", "malicious-activity"]            ~ 90     ~ -3
            ["anomalous-activity", "compromised"]       ~ 30     ~ -2
            ["malicious-activity"]                      ~ 150    ~ -1
            ["malicious-activity"]                      ~ -5     ~ -1
            ["malicious-activity"]                      ~ "high" ~ -1
            ["malicious-activity"]                      ~ 75.5   ~ -1
            """)
    void reputation(String types, String confidence, int reputation) throws Exception {
        String json = "{\"type\": \"indicator\"" + (types == null ? "" : ", \"indicator_types\": " + types)
                + (confidence == null ? "" : ", \"confidence\": " + confidence) + "}";
        JsonNode indicator = new ObjectMapper().readTree(json);
        assertEquals(reputation, IndicatorReputation.of(indicator));
    }

    @ParameterizedTest
    @CsvSource({ "85, -3", "0, 0" })
    void reachesThePatternsEntities(int confidence, int reputation) {
        var indicator = PatternTest.indicator("[domain-name:value = 'a.example' AND domain-name:resolves_to_refs[*]"
                + ".value = '1.2.3.4'] OR [file:hashes.MD5 = 'm' AND file:name = 'n']");
        indicator.put("confidence", confidence);
        Mapping mapping = new IndicatorMapper(new ObservableMapper()).map(indicator, List.of("t"));
        String r = " rep=" + reputation + " tags=[t]";
        assertEquals(List.of("domain='a.example'" + r + " (association ip='1.2.3.4'" + r + ")",
                "file='m' {md5='m'}" + r + " (association md5='m'" + r + ", association filename='n' tags=[t])"),
                mapping.trees().stream().map(TreeText::of).toList());
    }
}
