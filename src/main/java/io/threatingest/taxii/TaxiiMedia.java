package io.threatingest.taxii;

import java.util.Locale;

import jakarta.ws.rs.core.Response;

/**
 * The media types of TAXII 2.1 and how requests are matched against them. A TAXII media type without a
 * {@code version} parameter stands for the latest version the server speaks, which here is 2.1.
 */
public final class TaxiiMedia {

    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";
    static final String TAXII_TYPE = "application/taxii+json";
    static final String VERSION = "2.1";

    private TaxiiMedia() {
    }

    /** A 200 answer of exactly this media type (the REST layer would add a charset to a typed entity). */
    public static Response ok(Object entity) {
        return Response.ok(entity).type(TAXII).build();
    }

    /**
     * Whether an {@code Accept} header admits a TAXII 2.1 answer: no header, {@code *}{@code /*},
     * {@code application/*}, or {@code application/taxii+json} with version 2.1 or none, at a quality above 0.
     */
    public static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            String version = null;
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                String name = parameter[0].trim().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? unquote(parameter[1]) : "";
                if (name.equals("q")) {
                    quality = quality(value);
                } else if (name.equals("version")) {
                    version = value;
                }
            }
            if (quality <= 0) {
                continue;
            }
            if (type.equals("*/*") || type.equals("application/*")
                    || type.equals(TAXII_TYPE) && (version == null || version.equals(VERSION))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code Content-Type} is TAXII 2.1 ({@code application/taxii+json}, version 2.1 or none). */
    public static boolean taxii21(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(TAXII_TYPE)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("version")
                    && (parameter.length < 2 || !unquote(parameter[1]).equals(VERSION))) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }

    private static double quality(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
