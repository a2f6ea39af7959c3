package io.threatingest.extract;

import io.threatingest.domain.Catalogue;
import io.threatingest.domain.DataType;
import io.threatingest.domain.EntityType;
import io.threatingest.domain.Refanger;
import io.threatingest.domain.value.InvalidValueException;
import io.threatingest.domain.value.RawValue;

/**
 * The service's own rules, applied to every candidate before it is reported, so that no reported value is one
 * the service would refuse (a private IP, a URL with a broken escape...).
 */
final class ServiceRules {

    private ServiceRules() {
    }

    /** The defanged text as the service would restore it, for entity types whose data type is refanged. */
    static String refang(String type, String found) {
        return Refanger.refang(dataType(type), found);
    }

    /** Whether the service accepts {@code value} as the main value of an entity of {@code type}. */
    static boolean accepts(String type, String value) {
        return accepts(type, RawValue.text(value));
    }

    static boolean accepts(String type, RawValue value) {
        try {
            dataType(type).normaliser().normalise(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static DataType dataType(String type) {
        EntityType entityType = Catalogue.find(type);
        if (entityType == null) {
            throw new IllegalArgumentException("not an entity type: " + type);
        }
        return entityType.dataType();
    }
}
