package io.threatingest.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.threatingest.domain.AssociationSubmission;
import io.threatingest.domain.EntitySubmission;
import io.threatingest.domain.value.RawValue;

/** Builders for the entity trees converters produce, and the one rule for files that every format shares. */
public final class Trees {

    /** Hash types a file may be identified by, strongest first after the two the {@code file} type accepts. */
    public static final List<String> HASH_TYPES = List.of("sha256", "sha512", "sha1", "sha384", "sha224",
            "sha512-256", "sha512-224", "sha3-512", "sha3-384", "sha3-224", "md5", "sha3-256");

    /** The hashes a {@code file} entity carries as attributes (its catalogue attributes). */
    private static final List<String> FILE_ATTRIBUTES = List.of("md5", "sha1", "sha256", "sha3-256");

    private Trees() {
    }

    /** An entity whose main attribute is a JSON string. */
    public static EntitySubmission entity(String type, String value, Integer reputation, List<String> tags,
            List<AssociationSubmission> children) {
        return entity(type, RawValue.text(value), reputation, tags, children);
    }

    public static EntitySubmission entity(String type, RawValue value, Integer reputation, List<String> tags,
            List<AssociationSubmission> children) {
        return new EntitySubmission(type, Map.of(type, value), children.isEmpty() ? null : List.copyOf(children),
                reputation, null, tags.isEmpty() ? null : List.copyOf(tags), null);
    }

    public static AssociationSubmission association(EntitySubmission entity) {
        return new AssociationSubmission("association", entity);
    }

    public static AssociationSubmission aggregation(EntitySubmission entity) {
        return new AssociationSubmission("aggregation", entity);
    }

    /**
     * A file known by its hashes and name. With an MD5 or a SHA3-256 (the values the {@code file} type accepts) the
     * root is a {@code file} entity identified by it (MD5 first), carrying the hashes its type accepts as attributes;
     * otherwise the root is the strongest hash's own entity. Every hash is also an entity of its own type (so that
     * it has the ID {@code POST /entity} gives it, with the same reputation), and the name a {@code filename}, both
     * associated to the root. Without any hash, a name alone becomes a {@code filename} entity.
     *
     * @param hashes hash values by catalogue type name ({@code md5}, {@code sha256}, ...)
     * @param reputation for the file and its hashes; never given to the name, which many harmless files share
     * @return the tree, or {@code null} when there is neither hash nor name
     */
    public static EntitySubmission file(Map<String, String> hashes, String filename, Integer reputation,
            List<String> tags, List<AssociationSubmission> more) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String type : HASH_TYPES) {
            if (hashes.get(type) != null) {
                known.put(type, hashes.get(type));
            }
        }
        List<AssociationSubmission> children = new ArrayList<>();
        EntitySubmission name = filename == null ? null : entity("filename", filename, null, tags, List.of());
        if (known.isEmpty()) {
            return name == null ? null : entity("filename", filename, null, tags, more);
        }
        String key = known.containsKey("md5") ? "md5" : known.containsKey("sha3-256") ? "sha3-256" : null;
        for (Map.Entry<String, String> hash : known.entrySet()) {
            if (key != null || !hash.getKey().equals(known.keySet().iterator().next())) {
                children.add(association(entity(hash.getKey(), hash.getValue(), reputation, tags, List.of())));
            }
        }
        if (name != null) {
            children.add(association(name));
        }
        children.addAll(more);
        if (key == null) {
            Map.Entry<String, String> strongest = known.entrySet().iterator().next();
            return entity(strongest.getKey(), strongest.getValue(), reputation, tags, children);
        }
        Map<String, RawValue> attributes = new LinkedHashMap<>();
        attributes.put("file", RawValue.text(known.get(key)));
        for (String type : FILE_ATTRIBUTES) {
            if (known.containsKey(type)) {
                attributes.put(type, RawValue.text(known.get(type)));
            }
        }
        return new EntitySubmission("file", attributes, List.copyOf(children), reputation, null,
                tags.isEmpty() ? null : List.copyOf(tags), null);
    }
}
