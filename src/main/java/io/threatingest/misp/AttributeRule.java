package io.threatingest.misp;

import java.util.List;
import java.util.Map;

import io.threatingest.domain.EntitySubmission;
import io.threatingest.intake.Trees;

/** How the value of one MISP attribute type becomes an entity tree; the table is {@link AttributeTypes}. */
sealed interface AttributeRule {

    Outcome map(String value, ValueContext context);

    /** The entity types a value of this MISP type can become (screening lists are matched on their data types). */
    List<String> entityTypes();

    /** The value is the main attribute of one entity type. */
    record Single(String type) implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return List.of(type);
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            return Outcome.mapped(EntityValues.entity(type, value, context));
        }
    }

    /** An address, or a network when MISP writes one with a prefix ({@code ip-dst} holds both). */
    record IpOrCidr() implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return List.of("ip", "cidr");
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            return Outcome.mapped(EntityValues.entity(value.contains("/") ? "cidr" : "ip", value, context));
        }
    }

    /** {@code AS174} or {@code 174} is the number 174; anything else goes on as written, for the pipeline to judge. */
    record AsNumber() implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return List.of("asn");
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            String number = value.regionMatches(true, 0, "AS", 0, 2) ? value.substring(2) : value;
            boolean digits = !number.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9');
            return Outcome.mapped(EntityValues.entity("asn", digits ? number : value, context));
        }
    }

    /**
     * A port needs its transport protocol ({@code 443/tcp}). MISP mostly gives a bare number; then the protocol comes
     * from the MISP object when it names one, and otherwise nothing is made up.
     */
    record Port() implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return List.of("port");
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            if (value.contains("/")) {
                return Outcome.mapped(EntityValues.entity("port", value, context));
            }
            if (context.protocol() != null) {
                return Outcome.mapped(EntityValues.entity("port", value + "/" + context.protocol(), context));
            }
            return Outcome.notMapped("the port " + value + " comes without its transport protocol, which the port "
                    + "type needs (443/tcp); none is guessed");
        }
    }

    /** One hash of a file, by the shared file rule. */
    record FileHash(String hashType) implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return List.of(hashType);
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            return Outcome.mapped(Trees.file(Map.of(hashType, value), null, context.reputation(), context.tags(),
                    List.of()));
        }
    }

    /**
     * {@code filename|<hash>}, split at the last bar (a hash has none, a name might). With a hash the file rule
     * knows, the shared file rule; with a hash the catalogue has but the rule does not ({@code authentihash}),
     * that hash with the name beside it; with a hash the catalogue lacks ({@code hashType} null), the name alone.
     */
    record NamedFile(String hashType) implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return hashType == null ? List.of("filename") : List.of(hashType, "filename");
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            int bar = value.lastIndexOf('|');
            if (bar < 0) {
                return Outcome.notMapped("a value of this type is a file name and a hash joined by |");
            }
            String name = value.substring(0, bar);
            String hash = value.substring(bar + 1);
            if (hashType == null) {
                return Outcome.mapped(Trees.file(Map.of(), name, null, context.tags(), List.of()));
            }
            if (Trees.HASH_TYPES.contains(hashType)) {
                return Outcome.mapped(Trees.file(Map.of(hashType, hash), name, context.reputation(), context.tags(),
                        List.of()));
            }
            EntitySubmission root = EntityValues.entity(hashType, hash, context);
            return Outcome.mapped(EntityValues.withChildren(root,
                    List.of(Trees.association(EntityValues.entity("filename", name, context)))));
        }
    }

    /**
     * Two values joined by the first bar ({@code domain|ip}, {@code ip-dst|port}, {@code regkey|value}): the first
     * the root, the second associated to it. When the second half maps to nothing (a bare port), the root stands
     * alone.
     */
    record Pair(AttributeRule root, AttributeRule child) implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return java.util.stream.Stream.concat(root.entityTypes().stream(), child.entityTypes().stream()).toList();
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            int bar = value.indexOf('|');
            if (bar < 0) {
                return Outcome.notMapped("a value of this type is two values joined by |");
            }
            Outcome first = root.map(value.substring(0, bar), context);
            if (!first.isMapped()) {
                return first;
            }
            Outcome second = child.map(value.substring(bar + 1), context);
            return second.isMapped()
                    ? Outcome.mapped(EntityValues.withChildren(first.tree(), List.of(Trees.association(second.tree()))))
                    : first;
        }
    }

    /** Nothing to make of the type, for the reason given. */
    record NotMapped(String reason) implements AttributeRule {

        @Override
        public List<String> entityTypes() {
            return List.of();
        }

        @Override
        public Outcome map(String value, ValueContext context) {
            return Outcome.notMapped(reason);
        }
    }
}
