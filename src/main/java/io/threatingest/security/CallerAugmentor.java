package io.threatingest.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.threatingest.config.IngestConfig;

/**
 * Completes every identity the same way. A token's roles come from the configured roles claim and its groups
 * (for visibility) from the groups claim; MicroProfile JWT would otherwise take roles from the {@code groups}
 * claim. API keys bring both from the key store. {@code admin} holds every role.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    private final String groupsClaim;
    private final String rolesClaim;

    public CallerAugmentor(IngestConfig config) {
        this.groupsClaim = config.auth().jwt().groupsClaim();
        this.rolesClaim = config.auth().jwt().rolesClaim();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(CallerAttributes.COMPLETED) != null) {
            return Uni.createFrom().item(identity);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRoles(roles(token))
                    .addAttribute(CallerAttributes.GROUPS, groups(token));
            return Uni.createFrom().item(builder.build());
        }
        if (identity.hasRole(Roles.ADMIN)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(Roles.ALL).build());
        }
        return Uni.createFrom().item(identity);
    }

    /** The caller's roles from a token's roles claim; {@code admin} holds every role. */
    Set<String> roles(JsonWebToken token) {
        List<String> roles = strings(token.getClaim(rolesClaim));
        return roles.contains(Roles.ADMIN) ? Roles.ALL : new HashSet<>(roles);
    }

    /** The caller's groups from a token's groups claim, sorted (the JWT library hands it over as a set). */
    List<String> groups(JsonWebToken token) {
        return strings(token.getClaim(groupsClaim)).stream().sorted().toList();
    }

    /** A claim as a list of strings, whatever JSON shape the issuer used. */
    static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString string) {
                    out.add(string.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                out.add(value instanceof JsonString string ? string.getString() : String.valueOf(value));
            }
        } else if (claim instanceof JsonString string) {
            out.add(string.getString());
        } else if (claim instanceof String string && !string.isBlank()) {
            out.add(string);
        }
        return out;
    }
}
