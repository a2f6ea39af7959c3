package io.threatingest.domain;

import io.threatingest.domain.value.NormalisedValue;
import io.threatingest.domain.value.RawValue;

/**
 * Names an entity either by its ID or by type and value. Resolving a reference checks it the way everything
 * else is checked: an ID must be {@code <known type>-<64 lowercase hex>}; a type and value go through the
 * type's data type, exactly as an attribute would, and give the same ID.
 */
public final class EntityReference {

    private static final int HASH_LENGTH = 64;

    private EntityReference() {
    }

    /**
     * @param id an entity ID, or {@code null}
     * @param type with {@code value}: a type name and its raw value, or {@code null}
     * @param pointer where the reference is in the request, for errors
     * @param idField and {@code objectField}: the names of the two alternative fields
     */
    public static String resolve(String id, String type, RawValue value, boolean objectPresent, String pointer,
            String idField, String objectField) {
        if (id != null && objectPresent) {
            throw new SubmissionException(pointer + "/" + objectField,
                    "give either " + idField + " or " + objectField + ", not both");
        }
        if (id != null) {
            return checkId(id, pointer + "/" + idField);
        }
        if (!objectPresent) {
            throw new SubmissionException(pointer + "/" + idField, idField + " or " + objectField + " is required");
        }
        String at = pointer + "/" + objectField;
        if (type == null) {
            throw new SubmissionException(at + "/type", "type is required");
        }
        EntityType entityType = Catalogue.find(type);
        if (entityType == null) {
            throw new SubmissionException(at + "/type", "unknown type: " + type);
        }
        if (value == null) {
            throw new SubmissionException(at + "/value", "value is required");
        }
        NormalisedValue normalised = SubmissionFlattener.normalise(entityType, value, at + "/value");
        return EntityId.of(entityType.name(), normalised.text());
    }

    /** An ID as given, when it is {@code <known type>-<64 lowercase hex>}. */
    public static String checkId(String id, String pointer) {
        int dash = id.length() - HASH_LENGTH - 1;
        if (dash <= 0 || id.charAt(dash) != '-') {
            throw invalid(id, pointer);
        }
        for (int i = dash + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw invalid(id, pointer);
            }
        }
        if (Catalogue.find(id.substring(0, dash)) == null) {
            throw new SubmissionException(pointer, "unknown entity type in ID: " + id.substring(0, dash));
        }
        return id;
    }

    private static SubmissionException invalid(String id, String pointer) {
        return new SubmissionException(pointer, "an entity ID is <type>-<64 lowercase hex digits>, got '" + id + "'");
    }
}
