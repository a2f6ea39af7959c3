package io.threatingest.misp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.threatingest.misp.AttributeRule.AsNumber;
import io.threatingest.misp.AttributeRule.FileHash;
import io.threatingest.misp.AttributeRule.IpOrCidr;
import io.threatingest.misp.AttributeRule.NamedFile;
import io.threatingest.misp.AttributeRule.NotMapped;
import io.threatingest.misp.AttributeRule.Pair;
import io.threatingest.misp.AttributeRule.Port;
import io.threatingest.misp.AttributeRule.Single;

/** MISP attribute types and what each becomes; {@code docs/misp-mapping.md} is this table in prose. */
final class AttributeTypes {

    private static final Map<String, AttributeRule> RULES = new LinkedHashMap<>();

    static {
        // Network
        rule(new IpOrCidr(), "ip-src", "ip-dst");
        rule(new Pair(new IpOrCidr(), new Port()), "ip-src|port", "ip-dst|port");
        rule(new Single("domain"), "domain");
        rule(new Single("hostname"), "hostname");
        rule(new Pair(new Single("domain"), new IpOrCidr()), "domain|ip");
        rule(new Pair(new Single("hostname"), new Port()), "hostname|port");
        rule(new Port(), "port");
        rule(new AsNumber(), "AS");
        rule(new Single("url"), "url");
        rule(new Single("link"), "link");
        rule(new Single("mac-address"), "mac-address");
        rule(new Single("ja3-fingerprint"), "ja3-fingerprint-md5");
        rule(new Single("jarm-fingerprint"), "jarm-fingerprint");
        rule(new Single("certificate-fingerprint"), "x509-fingerprint-md5", "x509-fingerprint-sha1",
                "x509-fingerprint-sha256");
        rule(new Single("whois-registrant"), "whois-registrant-name", "whois-registrant-org");
        rule(new Single("whois-registrar"), "whois-registrar");
        rule(new Single("phone"), "whois-registrant-phone", "phone-number");

        // E-mail
        rule(new Single("email-address"), "email", "email-src", "email-dst", "email-reply-to", "target-email",
                "whois-registrant-email", "dns-soa-email");
        rule(new Single("email"), "email-message-id");
        rule(new Single("email-subject"), "email-subject");
        rule(new Single("email-body"), "email-body");
        rule(new Single("email-display-name"), "email-src-display-name", "email-dst-display-name");
        rule(new Single("email-header"), "email-header");
        rule(new Single("email-x-mailer"), "email-x-mailer");
        rule(new Single("email-mime-boundary"), "email-mime-boundary");
        rule(new Single("email-thread-index"), "email-thread-index");
        rule(new Single("filename"), "email-attachment");
        rule(new Single("eppn"), "eppn");
        rule(new Single("jabber-id"), "jabber-id");
        rule(new Single("dkim"), "dkim");
        rule(new Single("dkim-signature"), "dkim-signature");

        // Files
        for (String hash : new String[]{ "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512/224",
                "sha512/256", "sha3-224", "sha3-256", "sha3-384", "sha3-512" }) {
            rule(new FileHash(hash.replace('/', '-')), hash);
            rule(new NamedFile(hash.replace('/', '-')), "filename|" + hash);
        }
        rule(new Single("authentihash"), "authentihash");
        rule(new NamedFile("authentihash"), "filename|authentihash");
        rule(new Single("cdhash"), "cdhash");
        rule(new Single("filename"), "filename", "attachment");
        rule(new NamedFile("md5"), "malware-sample");
        rule(new Single("size-in-bytes"), "size-in-bytes");
        rule(new Single("mime-type"), "mime-type");
        rule(new Single("path"), "pdb");
        rule(new Single("filename-pattern"), "filename-pattern");
        rule(new Single("pattern-in-file"), "pattern-in-file");
        rule(new Single("pattern-in-memory"), "pattern-in-memory");
        rule(new Single("pattern-in-traffic"), "pattern-in-traffic");
        for (String hash : new String[]{ "ssdeep", "imphash", "impfuzzy", "pehash", "tlsh", "vhash", "telfhash",
                "sdhash" }) {
            notMapped("the catalogue has no entity type for it (a similarity or partial hash, not a digest of "
                    + "the whole file)", hash);
            rule(new NamedFile(null), "filename|" + hash);
        }

        // Host artefacts
        rule(new Single("regkey"), "regkey");
        rule(new Pair(new Single("regkey"), new Single("value")), "regkey|value");
        rule(new Single("process-state"), "process-state");
        rule(new Single("windows-scheduled-task"), "windows-scheduled-task");
        rule(new Single("windows-service-name"), "windows-service-name");
        rule(new Single("windows-service-displayname"), "windows-service-displayname");
        rule(new Single("chrome-extension-id"), "chrome-extension-id");
        rule(new Single("mobile-app-id"), "mobile-application-id");
        rule(new Single("pgp-public-key"), "pgp-public-key");
        rule(new Single("pgp-private-key"), "pgp-private-key");
        rule(new Single("cookie"), "cookie");
        rule(new Single("hex"), "hex");
        rule(new Single("datetime"), "datetime");

        // Threats and vulnerabilities
        rule(new Single("cve"), "vulnerability");
        rule(new Single("cpe"), "cpe");
        rule(new Single("adversary"), "threat-actor");

        // Money
        rule(new Single("btc"), "btc");
        rule(new Single("xmr"), "xmr");
        rule(new Single("dash"), "dash");
        rule(new Single("iban"), "iban");
        rule(new Single("bic"), "bic");
        rule(new Single("bin"), "bin");
        rule(new Single("bank-account-nr"), "bank-account-nr");
        rule(new Single("aba-rtn"), "aba-rtn");
        rule(new Single("cc-number"), "cc-number");
        rule(new Single("prtn"), "prtn");

        // People and travel
        rule(new Single("username"), "target-user", "github-username");
        rule(new Single("github-repository"), "github-repository");
        rule(new Single("github-organization"), "github-organisation");
        rule(new Single("passport"), "passport-number");
        rule(new Single("id-number"), "identity-card-number");
        rule(new Single("visa"), "visa-number");
        rule(new Single("redress-number"), "redress-number");
        rule(new Single("ffn"), "frequent-flyer-number");
        rule(new Single("ssr"), "special-service-request");
        rule(new Single("pnr"), "passenger-name-record-locator-number");

        // Known, not mapped
        notMapped("free text, not an indicator", "text", "comment", "other", "anonymised");
        notMapped("a detection rule or query, not an indicator value", "yara", "sigma", "snort", "bro", "zeek",
                "stix2-pattern", "kusto-query", "gene");
        notMapped("the catalogue has no entity type for it", "user-agent", "mutex", "named pipe", "http-method",
                "hassh-md5", "hasshserver-md5", "community-id", "favicon-mmh3", "git-commit-id", "campaign-name",
                "campaign-id", "weakness", "cortex", "whois-creation-date");
        notMapped("a bare path of a request: without its host it names nothing on its own", "uri");
        notMapped("an EUI-64 has eight octets, the catalogue's mac-address six", "mac-eui-64");
        notMapped("a number without meaning of its own", "counter", "float");
        notMapped("a flag, not an indicator", "boolean");
        notMapped("an X handle or numeric id, while twitter-profile is the profile's address", "twitter-id");
        notMapped("a machine name, not necessarily a host name", "target-machine");
        notMapped("information about a victim that no entity type holds", "target-org", "target-location",
                "target-external");
        notMapped("a personal detail that no entity type holds", "first-name", "middle-name", "last-name",
                "full-name", "date-of-birth", "place-of-birth", "gender", "nationality", "passport-country",
                "passport-expiration", "issue-date-of-the-visa", "primary-residence", "country-of-residence",
                "travel-details", "payment-details", "place-port-of-original-embarkation",
                "place-port-of-clearance", "place-port-of-onward-foreign-destination");
    }

    private AttributeTypes() {
    }

    /** The rule for a MISP type; an unknown type gets a not-mapped rule naming it. */
    static AttributeRule rule(String mispType) {
        AttributeRule rule = RULES.get(mispType);
        return rule != null ? rule : new NotMapped("MISP type " + mispType + " has no entity type");
    }

    /** Every MISP type the table names, in table order. */
    static Map<String, AttributeRule> all() {
        return Collections.unmodifiableMap(RULES);
    }

    private static void rule(AttributeRule rule, String... mispTypes) {
        for (String type : mispTypes) {
            if (RULES.put(type, rule) != null) {
                throw new IllegalStateException("MISP type " + type + " twice in the table");
            }
        }
    }

    private static void notMapped(String reason, String... mispTypes) {
        for (String type : mispTypes) {
            rule(new NotMapped("MISP type " + type + ": " + reason), type);
        }
    }
}
