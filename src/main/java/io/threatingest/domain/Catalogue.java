package io.threatingest.domain;

import static io.threatingest.domain.DataType.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of entity types, in the order the reference defines them and {@code GET /definitions} lists them. */
public final class Catalogue {

    private static final List<EntityType> TYPES = List.of(
        type("command", CASE_SENSITIVE_STRING, List.of("os"), List.of(), List.of(), List.of(), "Command"),
        type("os", STRING, List.of(), List.of(), List.of(), List.of(), "Operating System"),
        type("port", PORT, List.of(), List.of(), List.of(), List.of(), "Port"),
        type("zip-code", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Zip Code"),
        type("postal-address", STRING, List.of(), List.of(), List.of(), List.of(), "Postal Address"),
        type("breach", UUID, List.of("domain", "link", "breach-date", "breach-count", "breach-description"), List.of(), List.of(), List.of(), "Breach"),
        type("breach-date", DATE, List.of(), List.of(), List.of(), List.of(), "Breach Date"),
        type("breach-count", INTEGER, List.of(), List.of(), List.of(), List.of(), "Breach Count"),
        type("breach-description", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Breach Description"),
        type("file", UUID_MD5_SHA3_256, List.of("file-data", "sha1", "md5", "sha256", "sha3-256"), List.of("filename", "filename-pattern"), List.of("md5", "sha1", "sha256", "sha3-256", "file-data"), List.of("malware", "common-file", "system-file"), "File"),
        type("file-data", URL, List.of(), List.of(), List.of(), List.of(), "Download"),
        type("last-analysis", DATETIME, List.of(), List.of(), List.of(), List.of(), "Last Analysis"),
        type("adversary", ADVERSARY, List.of(), List.of(), List.of(), List.of(), "Adversary"),
        type("aso", STRING, List.of(), List.of(), List.of(), List.of(), "ASO"),
        type("asn", INTEGER, List.of(), List.of(), List.of(), List.of(), "ASN"),
        type("malware", STRING, List.of("malware-family", "malware-type"), List.of(), List.of("malware-family", "malware-type"), List.of(), "Malware Name"),
        type("malware-family", STRING, List.of(), List.of(), List.of(), List.of(), "Malware Family"),
        type("malware-type", STRING, List.of(), List.of(), List.of(), List.of(), "Malware Type"),
        type("malware-sample", URL, List.of(), List.of(), List.of(), List.of(), "Malware Sample"),
        type("aba-rtn", INTEGER, List.of(), List.of(), List.of(), List.of(), "ABA RTN"),
        type("latitude", FLOAT, List.of(), List.of(), List.of(), List.of(), "Latitude"),
        type("longitude", FLOAT, List.of(), List.of(), List.of(), List.of(), "Longitude"),
        type("accuracy-radius", FLOAT, List.of(), List.of(), List.of(), List.of(), "Accuracy Radius"),
        type("country", COUNTRY, List.of(), List.of(), List.of(), List.of(), "Country"),
        type("cookie", CASE_SENSITIVE_STRING, List.of(), List.of("value"), List.of(), List.of(), "Cookie"),
        type("text", STRING, List.of(), List.of(), List.of(), List.of(), "Text"),
        type("value", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Text"),
        type("issuer", STRING, List.of(), List.of(), List.of(), List.of(), "Issuer"),
        type("password", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Password"),
        type("airport-name", STRING, List.of("country", "city"), List.of(), List.of(), List.of(), "Airport"),
        type("profile-photo", URL, List.of(), List.of(), List.of(), List.of(), "Profile Photo"),
        type("authentihash", HEXADECIMAL, List.of(), List.of(), List.of(), List.of(), "Authenticode Hash"),
        type("bank-account-nr", INTEGER, List.of("bic", "bin"), List.of(), List.of(), List.of(), "Bank Account"),
        type("bic", STRING, List.of(), List.of(), List.of(), List.of(), "BIC"),
        type("bin", INTEGER, List.of(), List.of(), List.of(), List.of(), "BIN"),
        type("btc", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Bitcoin Address"),
        type("cc-number", INTEGER, List.of("issuer"), List.of(), List.of(), List.of(), "Credit Card"),
        type("cdhash", HEXADECIMAL, List.of(), List.of(), List.of(), List.of(), "Code Directory Hash"),
        type("certificate-fingerprint", HEXADECIMAL, List.of(), List.of(), List.of(), List.of(), "Certificate Fingerprint"),
        type("chrome-extension-id", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Chrome Extension"),
        type("cidr", CIDR, List.of("country", "city", "latitude", "longitude", "accuracy-radius", "asn", "aso", "link"), List.of(), List.of(), List.of(), "Public Subnet"),
        type("cpe", STRING, List.of(), List.of(), List.of(), List.of(), "Platform Enumeration"),
        type("cve", STRING, List.of(), List.of(), List.of(), List.of(), "Vulnerability Enumeration"),
        type("dash", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Dash"),
        type("dkim", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "DKIM Public Key"),
        type("dkim-signature", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "DKIM Signature"),
        type("domain", FQDN, List.of("whois-registrant", "whois-registrar", "link"), List.of(), List.of(), List.of(), "Domain"),
        type("city", CITY, List.of(), List.of(), List.of(), List.of(), "City"),
        type("issuing-country", COUNTRY, List.of(), List.of(), List.of(), List.of(), "Issuing Country"),
        type("email-address", EMAIL, List.of(), List.of(), List.of(), List.of(), "Email"),
        type("email-body", STRING, List.of(), List.of(), List.of(), List.of(), "Email Body"),
        type("email-display-name", STRING, List.of(), List.of(), List.of(), List.of(), "Sender Display Name"),
        type("email-header", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Email Header"),
        type("email-mime-boundary", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Email Mime Boundary"),
        type("email-subject", STRING, List.of(), List.of(), List.of(), List.of(), "Email Subject"),
        type("email-thread-index", BASE64, List.of(), List.of(), List.of(), List.of(), "Email Thread Index"),
        type("email-x-mailer", STRING, List.of(), List.of(), List.of(), List.of(), "Email X-Mailer"),
        type("email", CASE_SENSITIVE_STRING, List.of("email-body", "email-display-name", "email-address", "email-subject", "email-thread-index", "email-mime-boundary", "email-x-mailer"), List.of("file", "email-header"), List.of(), List.of(), "Message ID"),
        type("eppn", EMAIL, List.of(), List.of(), List.of(), List.of(), "EPPN"),
        type("facebook-profile", URL, List.of(), List.of(), List.of(), List.of(), "Facebook Profile"),
        type("ffn", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Frequent Flyer Number"),
        type("filename", STRING, List.of(), List.of(), List.of(), List.of(), "File Name"),
        type("size-in-bytes", FLOAT, List.of(), List.of(), List.of(), List.of(), "Size (Bytes)"),
        type("filename-pattern", REGEX, List.of(), List.of(), List.of(), List.of(), "Filename Pattern"),
        type("flight", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Flight Number"),
        type("github-organization", URL, List.of(), List.of(), List.of(), List.of(), "GitHub Organization"),
        type("github-repository", URL, List.of(), List.of(), List.of(), List.of(), "GitHub Repo"),
        type("github-user", URL, List.of(), List.of(), List.of(), List.of(), "GitHub Profile"),
        type("link", URL, List.of(), List.of(), List.of(), List.of(), "Reference"),
        type("datetime", DATETIME, List.of(), List.of(), List.of(), List.of(), "Date & Time"),
        type("date", DATE, List.of(), List.of(), List.of(), List.of(), "Date"),
        type("date-of-issue", DATE, List.of(), List.of(), List.of(), List.of(), "Date of Issue"),
        type("expiration-date", DATE, List.of(), List.of(), List.of(), List.of(), "Due Date"),
        type("group", ADVERSARY, List.of(), List.of(), List.of(), List.of(), "Group"),
        type("hex", HEXADECIMAL, List.of(), List.of(), List.of(), List.of(), "Hexadecimal"),
        type("base64", BASE64, List.of(), List.of(), List.of(), List.of(), "Base64"),
        type("hostname", FQDN, List.of(), List.of(), List.of(), List.of(), "Host"),
        type("iban", STRING, List.of(), List.of(), List.of(), List.of(), "IBAN"),
        type("id-number", CASE_SENSITIVE_STRING, List.of("issuer", "date-of-issue", "expiration-date"), List.of(), List.of(), List.of(), "Identity Number"),
        type("ip", IP, List.of("cidr", "link"), List.of(), List.of(), List.of(), "IP"),
        type("ja3-fingerprint", MD5, List.of(), List.of(), List.of(), List.of(), "JA3 Fingerprint"),
        type("jabber-id", EMAIL, List.of(), List.of(), List.of(), List.of(), "Jabber ID"),
        type("jarm-fingerprint", HEXADECIMAL, List.of(), List.of(), List.of(), List.of(), "JARM Fingerprint"),
        type("ssh-banner", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "SSH Banner"),
        type("mac-address", MAC, List.of(), List.of(), List.of(), List.of(), "Hardware Address"),
        type("md5", MD5, List.of(), List.of(), List.of(), List.of(), "MD5"),
        type("mime-type", MIME_TYPE, List.of(), List.of(), List.of(), List.of(), "Media Type"),
        type("mobile-app-id", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Mobile App ID"),
        type("passport", CASE_SENSITIVE_STRING, List.of("issuing-country", "issuer", "date-of-issue", "expiration-date"), List.of(), List.of(), List.of(), "Passport Number"),
        type("path", PATH, List.of(), List.of(), List.of(), List.of(), "Path"),
        type("pattern-in-file", REGEX, List.of(), List.of(), List.of(), List.of(), "Pattern in File"),
        type("pattern-in-memory", REGEX, List.of(), List.of(), List.of(), List.of(), "Pattern in Memory"),
        type("pattern-in-traffic", REGEX, List.of(), List.of(), List.of(), List.of(), "Pattern in Traffic"),
        type("pgp-private-key", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "PGP Private Key"),
        type("pgp-public-key", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "PGP Public Key"),
        type("phone", PHONE, List.of(), List.of(), List.of(), List.of(), "Phone Number"),
        type("pnr", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Reservation Number"),
        type("process", STRING, List.of("process-state"), List.of(), List.of(), List.of(), "Process"),
        type("process-state", STRING, List.of(), List.of(), List.of(), List.of(), "Process State"),
        type("prtn", STRING, List.of(), List.of(), List.of(), List.of(), "PRTN"),
        type("redress-number", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Redress Control Number"),
        type("regkey", STRING, List.of(), List.of(), List.of(), List.of(), "Registry Key"),
        type("sha1", SHA1, List.of(), List.of(), List.of(), List.of(), "SHA-1"),
        type("sha224", SHA224, List.of(), List.of(), List.of(), List.of(), "SHA-224"),
        type("sha256", SHA256, List.of(), List.of(), List.of(), List.of(), "SHA-256"),
        type("sha384", SHA384, List.of(), List.of(), List.of(), List.of(), "SHA-384"),
        type("sha512", SHA512, List.of(), List.of(), List.of(), List.of(), "SHA-512"),
        type("sha3-224", SHA3_224, List.of(), List.of(), List.of(), List.of(), "SHA3-224"),
        type("sha3-256", SHA3_256, List.of(), List.of(), List.of(), List.of(), "SHA3-256"),
        type("sha3-384", SHA3_384, List.of(), List.of(), List.of(), List.of(), "SHA3-384"),
        type("sha3-512", SHA3_512, List.of(), List.of(), List.of(), List.of(), "SHA3-512"),
        type("sha512-224", SHA512_224, List.of(), List.of(), List.of(), List.of(), "SHA512-224"),
        type("sha512-256", SHA512_256, List.of(), List.of(), List.of(), List.of(), "SHA512-256"),
        type("ssh-fingerprint", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "SSH Fingerprint"),
        type("ssr", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Special Service Request"),
        type("category", STRING, List.of(), List.of(), List.of(), List.of(), "Category"),
        type("threat", STRING, List.of(), List.of(), List.of(), List.of(), "Threat"),
        type("tiktok-profile", URL, List.of(), List.of(), List.of(), List.of(), "TikTok Profile"),
        type("twitter-profile", URL, List.of(), List.of(), List.of(), List.of(), "Twitter/X Profile"),
        type("url", URL, List.of(), List.of(), List.of(), List.of(), "URL"),
        type("username", STRING, List.of(), List.of(), List.of(), List.of(), "Username"),
        type("visa", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Visa Number"),
        type("whois-registrant", STRING, List.of(), List.of(), List.of(), List.of(), "Registrant"),
        type("whois-registrar", STRING, List.of(), List.of(), List.of(), List.of(), "Registrar"),
        type("windows-scheduled-task", STRING, List.of(), List.of(), List.of(), List.of(), "Scheduled Task"),
        type("windows-service-displayname", STRING, List.of(), List.of(), List.of(), List.of(), "Service Display Name"),
        type("windows-service-name", STRING, List.of(), List.of(), List.of(), List.of(), "Service Name"),
        type("xmr", CASE_SENSITIVE_STRING, List.of(), List.of(), List.of(), List.of(), "Monero Address"),
        type("payload", SHA3_256, List.of("sha1", "md5", "sha256", "sha3-256"), List.of(), List.of(), List.of(), "Payload"));

    private static final Map<String, EntityType> BY_NAME;

    static {
        Map<String, EntityType> byName = new LinkedHashMap<>();
        for (EntityType type : TYPES) {
            byName.put(type.name(), type);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private Catalogue() {
    }

    /** Every entity type, in catalogue order. */
    public static List<EntityType> types() {
        return TYPES;
    }

    /** The entity type of that exact name, or {@code null}. */
    public static EntityType find(String name) {
        return BY_NAME.get(name);
    }

    private static EntityType type(String name, DataType dataType, List<String> attributes,
            List<String> associations, List<String> correlate, List<String> tags, String label) {
        return new EntityType(name, dataType, attributes, associations, correlate, tags, label);
    }
}
