package io.threatingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A TAXII status resource read as the command's items: each kind of failure, pendings, objects by their id. */
class TaxiiAnswersTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aStatusBecomesItemsAtTheIndexOfTheirObjects() throws Exception {
        var sent = json.readTree("""
                {"objects": [{"type": "identity", "id": "identity--1"}, {"type": "indicator", "id": "indicator--2"},
                 {"type": "ipv4-addr", "id": "ipv4-addr--3"}, {"type": "malware", "id": "malware--4"},
                 {"type": "relationship", "id": "relationship--5"}]}""");
        var status = json.readTree(
                """
                        {"id": "s1", "status": "complete",
                         "successes": [{"id": "ipv4-addr--3", "version": "v"}],
                         "failures": [{"id": "indicator--2", "version": "v", "message": "rejected: cannot accept private IP"},
                           {"id": "identity--1", "version": "v", "message": "not mapped: no entity for identity"},
                           {"id": "malware--4", "version": "v", "message": "the broker did not take it now; send the object again"}],
                         "pendings": [{"id": "relationship--5", "version": "v"}]}""");
        List<Answers.Item> items = Answers.taxiiItems(sent, status);
        assertEquals(5, items.size());
        assertEquals(List.of(0, 1, 2, 3, 4), items.stream().map(Answers.Item::index).toList());
        assertEquals(List.of(Answers.NOT_MAPPED, Answers.REJECTED, Answers.ACCEPTED, Answers.UNAVAILABLE,
                Answers.UNAVAILABLE), items.stream().map(Answers.Item::status).toList());
        assertEquals("cannot accept private IP", items.get(1).reason());
        assertEquals("no entity for identity", items.get(0).reason());
        assertEquals("the broker did not take it now; send the object again", items.get(3).reason());
        assertEquals("pending on the server (TAXII status s1)", items.get(4).reason());
        assertEquals(List.of("identity", "indicator", "ipv4-addr", "malware", "relationship"),
                items.stream().map(Answers.Item::kind).toList());
        assertEquals("indicator--2", items.get(1).ref());
        assertNull(Answers.taxiiItems(sent, json.readTree("{\"title\": \"an error\"}")));
    }
}
