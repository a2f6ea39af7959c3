package io.threatingest.misp;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.intake.Conversion;
import io.threatingest.intake.DocumentException;
import io.threatingest.intake.SourceObject;

/** MISP events to entity trees, by the table in {@code docs/misp-mapping.md}. */
public final class MispMapper {

    /**
     * One event or many, as MISP gives them: {@code {"Event": {...}}} (a feed), {@code {"response": [{"Event":
     * {...}}, ...]}} (a search; its elements may also be {@code {"Object": {...}}}), {@code {"response": {"Attribute":
     * [...]}}} (an attribute search), a single {@code {"Object": {...}}}, or a JSON array of {@code {"Event": ...}}.
     * One entry per attribute, object and galaxy cluster, in document order.
     *
     * @throws DocumentException when the document as a whole is none of these
     */
    public Conversion map(JsonNode document) {
        List<SourceObject> out = new ArrayList<>();
        EventConverter loose = new EventConverter(out);
        if (document != null && document.isArray()) {
            elements(document, "", out, loose);
        } else if (document == null || !document.isObject()) {
            throw new DocumentException("", "a MISP document is a JSON object");
        } else if (document.has("Event")) {
            event(document.get("Event"), "/Event", out);
        } else if (document.has("response")) {
            response(document.get("response"), out, loose);
        } else if (document.has("Object")) {
            loose.object(document.get("Object"), "/Object", List.of());
        } else {
            throw new DocumentException("", "a MISP document has an \"Event\" or a \"response\"");
        }
        loose.finish();
        return new Conversion(out);
    }

    private static void response(JsonNode response, List<SourceObject> out, EventConverter loose) {
        if (response.isArray()) {
            elements(response, "/response", out, loose);
            return;
        }
        JsonNode attributes = response.get("Attribute");
        if (response.isObject() && attributes != null && attributes.isArray()) {
            for (int i = 0; i < attributes.size(); i++) {
                loose.looseAttribute(attributes.get(i), "/response/Attribute/" + i);
            }
            return;
        }
        throw new DocumentException("/response",
                "\"response\" is an array of events, or an object with an \"Attribute\" array");
    }

    private static void elements(JsonNode elements, String pointer, List<SourceObject> out, EventConverter loose) {
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String at = pointer + "/" + i;
            if (element.isObject() && element.has("Event")) {
                event(element.get("Event"), at + "/Event", out);
            } else if (element.isObject() && element.has("Object")) {
                loose.object(element.get("Object"), at + "/Object", List.of());
            } else {
                throw new DocumentException(at, "each element is {\"Event\": {...}} or {\"Object\": {...}}");
            }
        }
    }

    private static void event(JsonNode event, String pointer, List<SourceObject> out) {
        EventConverter converter = new EventConverter(out);
        converter.event(event, pointer);
        converter.finish();
    }
}
