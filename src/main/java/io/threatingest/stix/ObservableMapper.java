package io.threatingest.stix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;
import io.threatingest.intake.Trees;

/**
 * STIX cyber observables (SCOs) to entity trees. The reputation of the marks goes to entities that identify the
 * observable (addresses, hashes, keys, ...), never to descriptive ones (file names, display names, subjects, AS
 * names, issuers, media types), which harmless things share.
 */
final class ObservableMapper {

    /** SCO types this mapper knows, mapped or not. */
    static final Set<String> TYPES = Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url", "email-addr", "mac-addr",
            "autonomous-system", "file", "artifact", "x509-certificate", "windows-registry-key", "user-account",
            "process", "directory", "software", "email-message", "mutex", "network-traffic");

    /**
     * @param followRefs whether to attach the objects named by {@code *_refs} properties as children; {@code false}
     *        for those children themselves, so that trees stay one level deep and reference cycles end
     */
    Mapping map(JsonNode sco, Marks marks, Refs refs, boolean followRefs) {
        String type = Json.text(sco, "type");
        return switch (type) {
            case "ipv4-addr", "ipv6-addr" -> address(sco, marks, refs, followRefs);
            case "domain-name" -> single(sco, "value", "domain", marks,
                    followRefs ? referenced(sco, "resolves_to_refs", refs, false) : List.of());
            case "url" -> single(sco, "value", "url", marks, List.of());
            case "email-addr" -> emailAddress(sco, marks);
            case "mac-addr" -> single(sco, "value", "mac-address", marks, List.of());
            case "autonomous-system" -> autonomousSystem(sco, marks);
            case "file" -> file(sco, marks, refs, followRefs);
            case "artifact" -> artifact(sco, marks);
            case "x509-certificate" -> certificate(sco, marks);
            case "windows-registry-key" -> single(sco, "key", "regkey", marks, List.of());
            case "user-account" -> sco.hasNonNull("account_login")
                    ? single(sco, "account_login", "username", marks, List.of())
                    : single(sco, "user_id", "username", marks, List.of());
            case "process" -> single(sco, "command_line", "command", marks, List.of());
            case "directory" -> single(sco, "path", "path", marks, List.of());
            case "software" -> single(sco, "cpe", "cpe", marks, List.of());
            case "email-message" -> emailMessage(sco, marks, refs);
            case "mutex" -> Mapping.none("the catalogue has no type for mutex names");
            case "network-traffic" -> Mapping.none(
                    "a connection between endpoints has no catalogue type; its address objects are mapped on their own");
            default -> throw new IllegalArgumentException("not an observable type: " + type);
        };
    }

    private Mapping single(JsonNode sco, String property, String entityType, Marks marks,
            List<AssociationSubmission> children) {
        RawValue value = Json.raw(sco, property);
        if (value == null) {
            return Mapping.none(Json.text(sco, "type") + " without " + property);
        }
        return Mapping.of(List.of(Trees.entity(entityType, value, marks.reputation(), marks.tags(), children)));
    }

    private Mapping address(JsonNode sco, Marks marks, Refs refs, boolean followRefs) {
        RawValue value = Json.raw(sco, "value");
        if (value == null) {
            return Mapping.none(Json.text(sco, "type") + " without value");
        }
        String entityType = value instanceof RawValue.Text text && text.value().indexOf('/') >= 0 ? "cidr" : "ip";
        List<AssociationSubmission> children = new ArrayList<>();
        if (followRefs) {
            children.addAll(referenced(sco, "resolves_to_refs", refs, false));
            children.addAll(referenced(sco, "belongs_to_refs", refs, false));
        }
        return Mapping.of(List.of(Trees.entity(entityType, value, marks.reputation(), marks.tags(), children)));
    }

    private Mapping emailAddress(JsonNode sco, Marks marks) {
        String displayName = Json.text(sco, "display_name");
        List<AssociationSubmission> children = displayName == null
                ? List.of()
                : List.of(Trees.association(
                        Trees.entity("email-display-name", displayName, null, marks.tags(), List.of())));
        return single(sco, "value", "email-address", marks, children);
    }

    private Mapping autonomousSystem(JsonNode sco, Marks marks) {
        String name = Json.text(sco, "name");
        List<AssociationSubmission> children = name == null
                ? List.of()
                : List.of(Trees.association(Trees.entity("aso", name, null, marks.tags(), List.of())));
        return single(sco, "number", "asn", marks, children);
    }

    private Mapping file(JsonNode sco, Marks marks, Refs refs, boolean followRefs) {
        List<AssociationSubmission> more = new ArrayList<>(mimeType(sco, marks));
        if (followRefs) {
            for (AssociationSubmission contained : referenced(sco, "contains_refs", refs, false)) {
                more.add(Trees.aggregation(contained.entity()));
            }
        }
        EntitySubmission tree = Trees.file(hashes(sco), Json.text(sco, "name"), marks.reputation(), marks.tags(),
                more);
        return tree == null
                ? Mapping.none("file has neither a hash the catalogue knows nor a name")
                : Mapping.of(List.of(tree));
    }

    private Mapping artifact(JsonNode sco, Marks marks) {
        List<AssociationSubmission> more = new ArrayList<>(mimeType(sco, marks));
        RawValue url = Json.raw(sco, "url");
        if (url != null) {
            more.add(Trees.association(Trees.entity("url", url, marks.reputation(), marks.tags(), List.of())));
        }
        EntitySubmission tree = Trees.file(hashes(sco), null, marks.reputation(), marks.tags(), more);
        if (tree != null) {
            return Mapping.of(List.of(tree));
        }
        if (url != null) {
            return Mapping.of(List.of(Trees.entity("url", url, marks.reputation(), marks.tags(), List.of())));
        }
        return Mapping.none("artifact without url or known hash: embedded content (payload_bin) is not an entity");
    }

    private Mapping certificate(JsonNode sco, Marks marks) {
        List<String> fingerprints = new ArrayList<>();
        JsonNode hashes = sco.path("hashes");
        for (Map.Entry<String, JsonNode> hash : hashes.properties()) {
            if (hash.getValue().isTextual() && !fingerprints.contains(hash.getValue().textValue())) {
                fingerprints.add(hash.getValue().textValue());
            }
        }
        if (fingerprints.isEmpty()) {
            return Mapping.none("x509-certificate without hashes");
        }
        List<AssociationSubmission> children = new ArrayList<>();
        for (String other : fingerprints.subList(1, fingerprints.size())) {
            children.add(Trees.association(
                    Trees.entity("certificate-fingerprint", other, marks.reputation(), marks.tags(), List.of())));
        }
        String issuer = Json.text(sco, "issuer");
        if (issuer != null) {
            children.add(Trees.association(Trees.entity("issuer", issuer, null, marks.tags(), List.of())));
        }
        return Mapping.of(List.of(Trees.entity("certificate-fingerprint", fingerprints.get(0), marks.reputation(),
                marks.tags(), children)));
    }

    private Mapping emailMessage(JsonNode sco, Marks marks, Refs refs) {
        JsonNode from = addressObject(sco, "from_ref", refs);
        JsonNode sender = addressObject(sco, "sender_ref", refs);
        String subject = Json.text(sco, "subject");
        RawValue messageId = Json.raw(sco, "message_id");
        List<AssociationSubmission> addresses = new ArrayList<>();
        for (JsonNode address : new JsonNode[]{ from, sender }) {
            if (address != null) {
                emailAddress(address, marks).trees().forEach(tree -> addresses.add(Trees.association(tree)));
            }
        }
        EntitySubmission subjectEntity = subject == null
                ? null
                : Trees.entity("email-subject", subject, null, marks.tags(), List.of());
        if (messageId != null) {
            Map<String, RawValue> attributes = new LinkedHashMap<>();
            attributes.put("email", messageId);
            if (subject != null) {
                attributes.put("email-subject", RawValue.text(subject));
            }
            JsonNode author = from != null ? from : sender;
            if (author != null && Json.text(author, "value") != null) {
                attributes.put("email-address", RawValue.text(Json.text(author, "value")));
            }
            if (author != null && Json.text(author, "display_name") != null) {
                attributes.put("email-display-name", RawValue.text(Json.text(author, "display_name")));
            }
            List<AssociationSubmission> children = new ArrayList<>(addresses);
            if (subjectEntity != null) {
                children.add(Trees.association(subjectEntity));
            }
            return Mapping.of(List.of(new EntitySubmission("email", attributes,
                    children.isEmpty() ? null : List.copyOf(children), marks.reputation(), null,
                    marks.tags().isEmpty() ? null : marks.tags(), null)));
        }
        if (!addresses.isEmpty()) {
            EntitySubmission first = addresses.get(0).entity();
            List<AssociationSubmission> children = new ArrayList<>();
            if (first.associations() != null) {
                children.addAll(first.associations());
            }
            children.addAll(addresses.subList(1, addresses.size()));
            if (subjectEntity != null) {
                children.add(Trees.association(subjectEntity));
            }
            return Mapping.of(List.of(new EntitySubmission(first.type(), first.attributes(),
                    children.isEmpty() ? null : List.copyOf(children), first.reputation(), null, first.tags(),
                    null)));
        }
        if (subjectEntity != null) {
            return Mapping.of(List.of(subjectEntity));
        }
        return Mapping.none("email-message without message_id, subject or a sender address in the document");
    }

    private static JsonNode addressObject(JsonNode sco, String property, Refs refs) {
        JsonNode address = refs.object(Json.text(sco, property));
        return address != null && "email-addr".equals(Json.text(address, "type")) ? address : null;
    }

    private List<AssociationSubmission> mimeType(JsonNode sco, Marks marks) {
        String mimeType = Json.text(sco, "mime_type");
        return mimeType == null
                ? List.of()
                : List.of(Trees.association(Trees.entity("mime-type", mimeType, null, marks.tags(), List.of())));
    }

    /** Hashes by catalogue type; names the catalogue has no type for are left out, the first spelling wins. */
    static Map<String, String> hashes(JsonNode sco) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> hash : sco.path("hashes").properties()) {
            String type = HashNames.catalogueType(hash.getKey());
            if (type != null && hash.getValue().isTextual()) {
                hashes.putIfAbsent(type, hash.getValue().textValue());
            }
        }
        return hashes;
    }

    /** The trees of the observables an array of references names, each with its own marks, as associations. */
    private List<AssociationSubmission> referenced(JsonNode sco, String property, Refs refs, boolean followRefs) {
        List<AssociationSubmission> children = new ArrayList<>();
        for (String id : Json.texts(sco, property)) {
            JsonNode object = refs.object(id);
            String type = object == null ? null : Json.text(object, "type");
            if (type != null && TYPES.contains(type)) {
                for (EntitySubmission tree : map(object, refs.marks(object), refs, followRefs).trees()) {
                    children.add(Trees.association(tree));
                }
            }
        }
        return children;
    }
}
