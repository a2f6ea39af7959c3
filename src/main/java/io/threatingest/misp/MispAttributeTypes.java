package io.threatingest.misp;

import java.util.List;

/** What the MISP attribute table ({@link AttributeTypes}) says about one MISP type, for other packages. */
public final class MispAttributeTypes {

    private MispAttributeTypes() {
    }

    /** The entity types a value of this MISP attribute type becomes; empty for a type that maps to nothing. */
    public static List<String> entityTypes(String mispType) {
        return AttributeTypes.rule(mispType).entityTypes();
    }
}
