package io.threatingest.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.threatingest.domain.DataType;
import io.threatingest.domain.screening.ListType;
import io.threatingest.domain.screening.WarningList;

class ListFileTest {

    @Test
    void readsTheMispFormat() {
        WarningList list = parse("""
                {"name": "Scanners", "version": 20261207, "description": "ours", "type": "cidr",
                 "matching_attributes": ["ip-src", "domain|ip", "md5", "no-such-type"], "category": "false-positive",
                 "list": ["198.51.100.0/28"], "extra": {"ignored": [1, 2]}}""");
        assertEquals("key", list.key());
        assertEquals("Scanners", list.name());
        assertEquals("20261207", list.version());
        assertEquals(ListType.CIDR, list.type());
        assertEquals(Set.of(DataType.IP, DataType.CIDR, DataType.FQDN, DataType.MD5), list.dataTypes());
        assertEquals(List.of("198.51.100.0/28"), list.entries());
    }

    @Test
    void withoutMatchingAttributesAListAppliesToEveryValue() {
        WarningList list = parse("{\"name\": \"n\", \"version\": \"v1\", \"type\": \"list\", \"list\": []}");
        assertNull(list.dataTypes());
        assertEquals(ListType.STRING, list.type());
        assertTrue(list.appliesTo(DataType.PHONE));
    }

    @Test
    void typesThatMapToNothingMakeAListThatAppliesToNothing() {
        WarningList list = parse("""
                {"name": "n", "version": 1, "type": "string", "matching_attributes": ["ssdeep"], "list": ["x"]}""");
        assertTrue(list.dataTypes().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]|not a JSON object",
            "{\"version\": 1, \"type\": \"string\", \"list\": []}|name is required",
            "{\"name\": \"n\", \"type\": \"string\", \"list\": []}|version is required",
            "{\"name\": \"n\", \"version\": 1, \"list\": []}|type is required",
            "{\"name\": \"n\", \"version\": 1, \"type\": \"string\"}|list is required",
            "{\"name\": \"n\", \"version\": 1, \"type\": \"exact\", \"list\": []}|type must be",
            "{\"name\": \"n\", \"version\": true, \"type\": \"string\", \"list\": []}|version must be",
            "{\"name\": \"n\", \"version\": 1, \"type\": \"string\", \"list\": [1]}|list must be an array of strings",
            "{\"name\": 3, \"version\": 1, \"type\": \"string\", \"list\": []}|name must be a string",
            "{\"name\": \"n\", \"version\": 1, \"type\": \"string\", \"list\": [\"a\"|malformed JSON",
            "{\"name\": \"n\", \"version\": 1, \"type\": \"string\", \"list\": []} {}|not one JSON object" })
    void refusesWhatIsNotAList(String content, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(content));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    private static WarningList parse(String content) {
        return ListFile.parse("key", content.getBytes(StandardCharsets.UTF_8));
    }
}
