package io.threatingest.stix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.Trees;

/**
 * STIX domain objects that name something the catalogue has a type for (vulnerabilities, malware, adversaries,
 * places), and the reasons for those it has none for. Names carry no reputation: the entity type already says what
 * they are.
 */
final class DomainObjectMapper {

    private static final String CONTAINER = "a container: its referenced objects are mapped on their own";

    /** Domain object types that are never mapped, with the reason. */
    static final Map<String, String> NOT_MAPPED = Map.ofEntries(
            Map.entry("identity", "an identity names a producer or target of intelligence, not an observable; "
                    + "the catalogue has no type for it"),
            Map.entry("report", CONTAINER), Map.entry("grouping", CONTAINER),
            Map.entry("note", "a note comments on other objects, which are mapped on their own"),
            Map.entry("opinion", "an opinion rates other objects, which are mapped on their own"),
            Map.entry("course-of-action", "a course of action is a recommended response, not an observable"),
            Map.entry("attack-pattern", "an attack pattern describes a technique; the catalogue has no type for it"),
            Map.entry("campaign", "a campaign is a set of activity, neither an adversary nor an observable; "
                    + "the catalogue has no type for it"),
            Map.entry("infrastructure", "infrastructure is described in prose; its observables are mapped from "
                    + "the objects related to it"),
            Map.entry("incident", "the catalogue has no type for incidents"),
            Map.entry("malware-analysis", "an analysis result; the analysed sample and its observables are mapped "
                    + "from their own objects"),
            Map.entry("tool", "the catalogue has no type for tools, and tools are mostly legitimate software "
                    + "(remote administration, scanners), so calling them malware would be wrong"),
            Map.entry("marking-definition", "a handling marking, not intelligence; TLP markings become tags of "
                    + "the objects that reference them"),
            Map.entry("language-content", "translations of other objects' text"),
            Map.entry("extension-definition", "describes a schema extension, not intelligence"),
            Map.entry("observed-data", "its object_refs point at cyber observables that are mapped on their own"),
            Map.entry("bundle", "a bundle inside a document is not read; send it as a document of its own"));

    Mapping map(JsonNode sdo, Marks marks) {
        String type = Json.text(sdo, "type");
        return switch (type) {
            case "vulnerability" -> vulnerability(sdo, marks);
            case "malware" -> named(sdo, "malware", malwareAttributes(sdo), malwareTypes(sdo, marks), marks);
            case "threat-actor", "intrusion-set" -> named(sdo, "adversary", Map.of(), List.of(), marks);
            case "location" -> location(sdo, marks);
            default -> Mapping.none(NOT_MAPPED.get(type));
        };
    }

    static boolean handles(String type) {
        return switch (type) {
            case "vulnerability", "malware", "threat-actor", "intrusion-set", "location" -> true;
            default -> NOT_MAPPED.containsKey(type);
        };
    }

    private Mapping vulnerability(JsonNode sdo, Marks marks) {
        for (JsonNode reference : sdo.path("external_references")) {
            String id = Json.text(reference, "external_id");
            if ("cve".equalsIgnoreCase(Json.text(reference, "source_name")) && isCveId(id)) {
                return Mapping.of(List.of(Trees.entity("cve", id, null, marks.tags(), List.of())));
            }
        }
        String name = Json.text(sdo, "name");
        if (isCveId(name)) {
            return Mapping.of(List.of(Trees.entity("cve", name, null, marks.tags(), List.of())));
        }
        return Mapping.none("vulnerability without a CVE id in its name or a cve external reference");
    }

    /** {@code CVE-<4 digits>-<4 or more digits>}, any case. */
    static boolean isCveId(String text) {
        if (text == null || text.length() < 13 || !text.substring(0, 4).toUpperCase(Locale.ROOT).equals("CVE-")
                || text.charAt(8) != '-') {
            return false;
        }
        for (int i = 4; i < text.length(); i++) {
            if (i != 8 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** A single malware type is an attribute; with several, choosing one would be arbitrary, so each is a child. */
    private static Map<String, RawValue> malwareAttributes(JsonNode sdo) {
        List<String> types = Json.texts(sdo, "malware_types");
        return types.size() == 1 ? Map.of("malware-type", RawValue.text(types.get(0))) : Map.of();
    }

    private static List<AssociationSubmission> malwareTypes(JsonNode sdo, Marks marks) {
        List<String> types = Json.texts(sdo, "malware_types");
        List<AssociationSubmission> children = new ArrayList<>();
        if (types.size() > 1) {
            for (String type : types) {
                children.add(Trees.association(Trees.entity("malware-type", type, null, marks.tags(), List.of())));
            }
        }
        return children;
    }

    /** A named thing whose aliases are further entities of the same type. */
    private Mapping named(JsonNode sdo, String entityType, Map<String, RawValue> attributes,
            List<AssociationSubmission> more, Marks marks) {
        String name = Json.text(sdo, "name");
        if (name == null) {
            return Mapping.none(Json.text(sdo, "type") + " without name");
        }
        List<AssociationSubmission> children = new ArrayList<>(more);
        List<String> seen = new ArrayList<>(List.of(name));
        for (String alias : Json.texts(sdo, "aliases")) {
            if (!seen.contains(alias)) {
                seen.add(alias);
                children.add(Trees.association(Trees.entity(entityType, alias, null, marks.tags(), List.of())));
            }
        }
        Map<String, RawValue> all = new LinkedHashMap<>();
        all.put(entityType, RawValue.text(name));
        all.putAll(attributes);
        return Mapping.of(List.of(new EntitySubmission(entityType, all, children.isEmpty() ? null : children, null,
                null, marks.tags().isEmpty() ? null : marks.tags(), null)));
    }

    private Mapping location(JsonNode sdo, Marks marks) {
        String country = Json.text(sdo, "country");
        String city = Json.text(sdo, "city");
        if (country == null && city == null) {
            return Mapping.none("location without country or city (regions and coordinates are not mapped)");
        }
        EntitySubmission cityEntity = city == null ? null : Trees.entity("city", city, null, marks.tags(), List.of());
        if (country == null) {
            return Mapping.of(List.of(cityEntity));
        }
        return Mapping.of(List.of(Trees.entity("country", country, null, marks.tags(),
                cityEntity == null ? List.of() : List.of(Trees.association(cityEntity)))));
    }
}
