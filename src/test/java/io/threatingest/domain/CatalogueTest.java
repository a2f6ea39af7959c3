package io.threatingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void has129TypesInReferenceOrder() {
        assertEquals(129, Catalogue.types().size());
        assertEquals("command", Catalogue.types().get(0).name());
        assertEquals("ip", Catalogue.types().get(79).name());
        assertEquals("payload", Catalogue.types().get(128).name());
    }

    @Test
    void dataTypeUsageMatchesTheReferenceTable() {
        Map<String, Integer> counts = new TreeMap<>();
        Catalogue.types().forEach(t -> counts.merge(t.dataType().label(), 1, Integer::sum));
        assertEquals(36, counts.size());
        assertEquals(28, counts.get("Case-sensitive string"));
        assertEquals(30, counts.get("String"));
        assertEquals(11, counts.get("URL"));
        assertEquals(6, counts.get("Integer"));
        assertEquals(5, counts.get("Hexadecimal"));
        assertEquals(4, counts.get("Float"));
        assertEquals(2, counts.get("SHA3-256"));
        assertEquals(1, counts.get("UUID|MD5|SHA3-256"));
    }

    @Test
    void findsByExactName() {
        assertNotNull(Catalogue.find("email-address"));
        assertEquals(DataType.EMAIL, Catalogue.find("email-address").dataType());
        assertEquals(DataType.CASE_SENSITIVE_STRING, Catalogue.find("password").dataType());
        assertNull(Catalogue.find("IP"));
        assertNull(Catalogue.find("descriptor"));
    }

    @Test
    void fileCarriesItsRecommendedCorrelation() {
        EntityType file = Catalogue.find("file");
        assertEquals(java.util.List.of("md5", "sha1", "sha256", "sha3-256", "file-data"), file.correlate());
        assertEquals(java.util.List.of("malware", "common-file", "system-file"), file.tags());
    }
}
