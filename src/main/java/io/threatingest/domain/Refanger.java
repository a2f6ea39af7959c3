package io.threatingest.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.threatingest.domain.value.RawValue;

/**
 * Undoes the usual ways analysts defang indicators ({@code hxxp://evil[.]com}, {@code user[at]example[.]com}) so
 * that the values can be validated. It runs before validation and changes nothing else: a value that was not
 * defanged comes back as the same string, and normalisation stays with the data types. The conventions are listed
 * in {@code docs/refanging.md}; {@code RefangerTest} holds the same table.
 *
 * <p>
 * Only string values of attributes whose data type is an indicator that is commonly defanged are touched: IP,
 * CIDR, FQDN, URL and Email. Free text, paths and patterns keep their brackets, which mean something there.
 * Each value is scanned once, left to right, with a bounded look-ahead: linear time.
 */
public final class Refanger {

    /** Data types whose values may arrive defanged. */
    public static final Set<DataType> DATA_TYPES = Collections.unmodifiableSet(
            EnumSet.of(DataType.IP, DataType.CIDR, DataType.FQDN, DataType.URL, DataType.EMAIL));

    /** Defanged scheme (lowercase) to the scheme it stands for; only at the start of a URL, before {@code ://}. */
    static final Map<String, String> SCHEMES = Map.of(
            "hxxp", "http", "hxxps", "https",
            "hxtp", "http", "hxtps", "https",
            "htxp", "http", "htxps", "https",
            "fxp", "ftp", "fxps", "ftps");

    /**
     * What may stand between a pair of brackets ({@code []}, {@code ()} or {@code {}}), compared without ASCII case
     * and with any spaces just inside the brackets ignored, and what it stands for.
     */
    static final Map<String, String> BRACKETED = Map.of(
            ".", ".", "dot", ".",
            "@", "@", "at", "@",
            ":", ":", "://", "://",
            "/", "/");

    /** Longest text between two brackets worth comparing: the longest entry of {@link #BRACKETED} with some spaces. */
    private static final int MAX_BRACKETED = 8;

    private Refanger() {
    }

    /** Whether values of this data type are refanged. */
    public static boolean appliesTo(DataType type) {
        return DATA_TYPES.contains(type);
    }

    /** The whole tree, pointers relative to the root ({@code /attributes/url}, {@code /associations/0/...}). */
    public static RefangedSubmission refang(EntitySubmission submission) {
        return refang(submission, "");
    }

    /**
     * The whole tree: the main value and the other attribute values of every entity, associations included.
     * Attribute keys that are not entity types, and values that are not strings, are left for validation to refuse.
     *
     * @param at JSON pointer of {@code submission} in the request ({@code ""} for the root of the body, or e.g.
     *            {@code /entities/17} for an item of a batch); the reported pointers start with it
     */
    public static RefangedSubmission refang(EntitySubmission submission, String at) {
        List<RefangedValue> changes = new ArrayList<>();
        EntitySubmission refanged = entity(submission, at, changes);
        return new RefangedSubmission(refanged, List.copyOf(changes));
    }

    /**
     * One value of the given data type. Returns {@code value} itself when the data type is not refanged or the
     * value was not defanged.
     */
    public static String refang(DataType type, String value) {
        if (!appliesTo(type)) {
            return value;
        }
        String separators = separators(value);
        return type == DataType.URL ? scheme(separators) : separators;
    }

    private static EntitySubmission entity(EntitySubmission entity, String at, List<RefangedValue> changes) {
        if (entity == null) {
            return null;
        }
        Map<String, RawValue> attributes = attributes(entity.attributes(), at, changes);
        List<AssociationSubmission> associations = associations(entity.associations(), at, changes);
        if (attributes == entity.attributes() && associations == entity.associations()) {
            return entity;
        }
        return new EntitySubmission(entity.type(), attributes, associations, entity.reputation(), entity.correlate(),
                entity.tags(), entity.visibleBy());
    }

    private static Map<String, RawValue> attributes(Map<String, RawValue> attributes, String at,
            List<RefangedValue> changes) {
        if (attributes == null) {
            return null;
        }
        Map<String, RawValue> rewritten = null;
        for (Map.Entry<String, RawValue> attribute : attributes.entrySet()) {
            String refanged = refanged(attribute.getKey(), attribute.getValue());
            if (refanged == null) {
                continue;
            }
            String from = ((RawValue.Text) attribute.getValue()).value();
            changes.add(new RefangedValue(
                    at + "/attributes/" + SubmissionFlattener.pointerToken(attribute.getKey()), from, refanged));
            if (rewritten == null) {
                // A copy that keeps request order and JSON nulls, which the flattener treats as absent.
                rewritten = new LinkedHashMap<>(attributes);
            }
            rewritten.put(attribute.getKey(), new RawValue.Text(refanged));
        }
        return rewritten == null ? attributes : Collections.unmodifiableMap(rewritten);
    }

    /** The refanged text of one attribute value, or {@code null} when it stays as it is. */
    private static String refanged(String key, RawValue value) {
        if (!(value instanceof RawValue.Text text)) {
            return null;
        }
        EntityType type = Catalogue.find(key);
        if (type == null) {
            return null;
        }
        String refanged = refang(type.dataType(), text.value());
        return refanged == text.value() ? null : refanged;
    }

    private static List<AssociationSubmission> associations(List<AssociationSubmission> associations, String at,
            List<RefangedValue> changes) {
        if (associations == null) {
            return null;
        }
        List<AssociationSubmission> rewritten = null;
        for (int i = 0; i < associations.size(); i++) {
            AssociationSubmission association = associations.get(i);
            if (association == null) {
                continue;
            }
            EntitySubmission entity = entity(association.entity(), at + "/associations/" + i, changes);
            if (entity == association.entity()) {
                continue;
            }
            if (rewritten == null) {
                // ArrayList rather than List.copyOf: a JSON null in the list must reach the flattener's error.
                rewritten = new ArrayList<>(associations);
            }
            rewritten.set(i, new AssociationSubmission(association.mode(), entity));
        }
        return rewritten == null ? associations : Collections.unmodifiableList(rewritten);
    }

    /** Bracketed separators and {@code \.}; spaces directly around a bracketed dot or at sign go too. */
    static String separators(String value) {
        StringBuilder out = null;
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            String replacement = null;
            int end = i;
            if (c == '[' || c == '(' || c == '{') {
                end = closing(value, i);
                if (end > 0) {
                    replacement = BRACKETED.get(bracketed(value, i + 1, end - 1));
                }
            } else if (c == '\\' && i + 1 < n && value.charAt(i + 1) == '.') {
                replacement = ".";
                end = i + 2;
            }
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n).append(value, 0, i);
            }
            if (c != '\\' && (replacement.equals(".") || replacement.equals("@"))) {
                while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                while (end < n && value.charAt(end) == ' ') {
                    end++;
                }
            }
            out.append(replacement);
            i = end;
        }
        return out == null ? value : out.toString();
    }

    /** Index just past the bracket closing the one at {@code open}, within {@link #MAX_BRACKETED}; else -1. */
    private static int closing(String value, int open) {
        char close = switch (value.charAt(open)) {
            case '[' -> ']';
            case '(' -> ')';
            default -> '}';
        };
        int limit = Math.min(value.length(), open + 2 + MAX_BRACKETED);
        for (int j = open + 1; j < limit; j++) {
            if (value.charAt(j) == close) {
                return j + 1;
            }
        }
        return -1;
    }

    /** ASCII letters lowered, nothing else: the tables are ASCII, and Unicode case rules would let more in. */
    private static String lowerAscii(String value, int from, int to) {
        StringBuilder lowered = new StringBuilder(to - from);
        for (int j = from; j < to; j++) {
            char c = value.charAt(j);
            lowered.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lowered.toString();
    }

    /** The text between two brackets without the spaces that pad it, lowered: the key into {@link #BRACKETED}. */
    private static String bracketed(String value, int from, int to) {
        while (from < to && value.charAt(from) == ' ') {
            from++;
        }
        while (to > from && value.charAt(to - 1) == ' ') {
            to--;
        }
        return lowerAscii(value, from, to);
    }

    /** A defanged scheme at the very start of a URL, right before {@code ://}. */
    static String scheme(String value) {
        int separator = value.indexOf("://");
        if (separator < 1 || separator > 5) {
            return value;
        }
        String scheme = SCHEMES.get(lowerAscii(value, 0, separator));
        if (scheme == null) {
            return value;
        }
        return scheme + value.substring(separator);
    }
}
