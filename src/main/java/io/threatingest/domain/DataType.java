package io.threatingest.domain;

import io.threatingest.domain.value.AdversaryNormaliser;
import io.threatingest.domain.value.Base64Normaliser;
import io.threatingest.domain.value.CidrNormaliser;
import io.threatingest.domain.value.DateNormaliser;
import io.threatingest.domain.value.DatetimeNormaliser;
import io.threatingest.domain.value.EmailNormaliser;
import io.threatingest.domain.value.FileIdentifierNormaliser;
import io.threatingest.domain.value.FloatNormaliser;
import io.threatingest.domain.value.FqdnNormaliser;
import io.threatingest.domain.value.HexDigestNormaliser;
import io.threatingest.domain.value.HexadecimalNormaliser;
import io.threatingest.domain.value.IntegerNormaliser;
import io.threatingest.domain.value.IpNormaliser;
import io.threatingest.domain.value.Normaliser;
import io.threatingest.domain.value.PathNormaliser;
import io.threatingest.domain.value.PatternNormaliser;
import io.threatingest.domain.value.PortNormaliser;
import io.threatingest.domain.value.RegexNormaliser;
import io.threatingest.domain.value.TextNormaliser;
import io.threatingest.domain.value.TitleCaseNormaliser;
import io.threatingest.domain.value.UrlNormaliser;
import io.threatingest.domain.value.UuidNormaliser;

/** The data types of the catalogue, each with its exact name and the normaliser that validates its values. */
public enum DataType {

    CASE_SENSITIVE_STRING("Case-sensitive string", TextNormaliser.CASE_SENSITIVE), STRING("String",
            TextNormaliser.CASE_INSENSITIVE), IP("IP", IpNormaliser.INSTANCE), CIDR("CIDR",
                    CidrNormaliser.INSTANCE), FQDN("FQDN", FqdnNormaliser.INSTANCE), URL("URL",
                            UrlNormaliser.INSTANCE), EMAIL("Email", EmailNormaliser.INSTANCE), MD5("MD5",
                                    HexDigestNormaliser.MD5), SHA1("SHA-1", HexDigestNormaliser.SHA1), SHA224("SHA-224",
                                            HexDigestNormaliser.BITS_224), SHA256("SHA-256",
                                                    HexDigestNormaliser.BITS_256), SHA384("SHA-384",
                                                            HexDigestNormaliser.BITS_384), SHA512("SHA-512",
                                                                    HexDigestNormaliser.BITS_512), SHA3_224("SHA3-224",
                                                                            HexDigestNormaliser.BITS_224), SHA3_256(
                                                                                    "SHA3-256",
                                                                                    HexDigestNormaliser.BITS_256), SHA3_384(
                                                                                            "SHA3-384",
                                                                                            HexDigestNormaliser.BITS_384), SHA3_512(
                                                                                                    "SHA3-512",
                                                                                                    HexDigestNormaliser.BITS_512), SHA512_224(
                                                                                                            "SHA512-224",
                                                                                                            HexDigestNormaliser.BITS_224), SHA512_256(
                                                                                                                    "SHA512-256",
                                                                                                                    HexDigestNormaliser.BITS_256), UUID_MD5_SHA3_256(
                                                                                                                            "UUID|MD5|SHA3-256",
                                                                                                                            FileIdentifierNormaliser.INSTANCE), UUID(
                                                                                                                                    "UUID",
                                                                                                                                    UuidNormaliser.INSTANCE), HEXADECIMAL(
                                                                                                                                            "Hexadecimal",
                                                                                                                                            HexadecimalNormaliser.INSTANCE), BASE64(
                                                                                                                                                    "BASE64",
                                                                                                                                                    Base64Normaliser.INSTANCE), DATE(
                                                                                                                                                            "Date",
                                                                                                                                                            DateNormaliser.INSTANCE), DATETIME(
                                                                                                                                                                    "Datetime",
                                                                                                                                                                    DatetimeNormaliser.INSTANCE), MAC(
                                                                                                                                                                            "MAC",
                                                                                                                                                                            PatternNormaliser.MAC), MIME_TYPE(
                                                                                                                                                                                    "MIME type",
                                                                                                                                                                                    PatternNormaliser.MIME_TYPE), PHONE(
                                                                                                                                                                                            "Phone",
                                                                                                                                                                                            PatternNormaliser.PHONE), PORT(
                                                                                                                                                                                                    "Port",
                                                                                                                                                                                                    PortNormaliser.INSTANCE), PATH(
                                                                                                                                                                                                            "Path",
                                                                                                                                                                                                            PathNormaliser.INSTANCE), INTEGER(
                                                                                                                                                                                                                    "Integer",
                                                                                                                                                                                                                    IntegerNormaliser.INSTANCE), FLOAT(
                                                                                                                                                                                                                            "Float",
                                                                                                                                                                                                                            FloatNormaliser.INSTANCE), CITY(
                                                                                                                                                                                                                                    "City",
                                                                                                                                                                                                                                    TitleCaseNormaliser.INSTANCE), COUNTRY(
                                                                                                                                                                                                                                            "Country",
                                                                                                                                                                                                                                            TitleCaseNormaliser.INSTANCE), ADVERSARY(
                                                                                                                                                                                                                                                    "Adversary",
                                                                                                                                                                                                                                                    AdversaryNormaliser.INSTANCE), REGEX(
                                                                                                                                                                                                                                                            "Regex",
                                                                                                                                                                                                                                                            RegexNormaliser.INSTANCE);

    private final String label;
    private final Normaliser normaliser;

    DataType(String label, Normaliser normaliser) {
        this.label = label;
        this.normaliser = normaliser;
    }

    /** The exact name used by the reference and by {@code GET /definitions}. */
    public String label() {
        return label;
    }

    public Normaliser normaliser() {
        return normaliser;
    }

    public static DataType fromLabel(String label) {
        for (DataType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown data type: " + label);
    }
}
