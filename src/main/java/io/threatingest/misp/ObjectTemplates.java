package io.threatingest.misp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.threatingest.misp.AttributeRule.Single;

/**
 * What the template of a MISP object says beyond its attributes' types: which attribute is the root of the object's
 * tree, what a relation means when the type alone does not say it, and the transport protocol of its ports.
 */
final class ObjectTemplates {

    /** MISP attribute types that may be the root, best first, by object template. */
    private static final Map<String, List<String>> ROOTS = Map.of(
            "domain-ip", List.of("domain", "hostname", "ip-dst", "ip-src"),
            "ip-port", List.of("ip-dst", "ip-src", "ip-dst|port", "ip-src|port", "domain", "hostname"),
            "email", List.of("email-message-id", "email-src", "email-dst"),
            "url", List.of("url", "link"),
            "x509", List.of("x509-fingerprint-sha256", "x509-fingerprint-sha1", "x509-fingerprint-md5"),
            "registry-key", List.of("regkey", "regkey|value"),
            "network-connection", List.of("ip-dst", "ip-src", "hostname", "domain"));

    private static final Set<String> PATH_RELATIONS = Set.of("path", "fullpath");
    private static final Set<String> PROTOCOL_RELATIONS = Set.of("protocol", "layer4-protocol");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");

    private ObjectTemplates() {
    }

    /** @param template the object's name, {@code null} when it has none (Map.of refuses to look up null) */
    static List<String> rootTypes(String template) {
        return template == null ? List.of() : ROOTS.getOrDefault(template, List.of());
    }

    /** A {@code text} attribute that an object's relation calls a path is a path. */
    static AttributeRule rule(String mispType, String relation) {
        if ("text".equals(mispType) && relation != null && PATH_RELATIONS.contains(relation)) {
            return new Single("path");
        }
        return AttributeTypes.rule(mispType);
    }

    /** {@code tcp} or {@code udp} when the attribute states an object's protocol, else {@code null}. */
    static String protocol(String relation, String value) {
        if (relation == null || !PROTOCOL_RELATIONS.contains(relation)) {
            return null;
        }
        String protocol = value.toLowerCase(Locale.ROOT);
        return PROTOCOLS.contains(protocol) ? protocol : null;
    }
}
