package io.threatingest.misp;

import java.util.List;

/** An attribute of a MISP object that can take part in the object's tree: typed, with a string value, not deleted. */
record ObjectAttribute(String mispType, AttributeRule rule, String value, Integer reputation, List<String> ownTags) {
}
