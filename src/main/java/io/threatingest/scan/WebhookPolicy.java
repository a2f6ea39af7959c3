package io.threatingest.scan;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.threatingest.domain.SubmissionException;
import io.threatingest.domain.value.IpAddress;

/**
 * What a webhook may be: {@code https} (plain {@code http} only when allowed), a host that resolves only to
 * public addresses (no private, loopback, link-local, cloud metadata or other special ranges) unless the
 * operator exempted it, and headers free of control characters that do not try to set the request's framing.
 */
public final class WebhookPolicy {

    private static final Set<String> FORBIDDEN_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "upgrade", "te", "trailer", "keep-alive", "proxy-authorization", "proxy-connection");
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    private final boolean allowHttp;
    private final Set<String> allowedHosts;

    public WebhookPolicy(boolean allowHttp, List<String> allowedHosts) {
        this.allowHttp = allowHttp;
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    /** The URL's parts once it passes the static checks (scheme, host, headers); no DNS yet. */
    public URI check(ScanTask.Webhook webhook) {
        if (webhook.url() == null) {
            throw new SubmissionException("/webhook/url", "webhook url is required");
        }
        URI uri;
        try {
            uri = new URI(webhook.url());
        } catch (URISyntaxException e) {
            throw new SubmissionException("/webhook/url", "webhook url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new SubmissionException("/webhook/url",
                    allowHttp ? "webhook url must be http or https" : "webhook url must use https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new SubmissionException("/webhook/url", "webhook url needs a host, and no user info or fragment");
        }
        List<ScanTask.Header> headers = webhook.headers();
        for (int i = 0; i < headers.size(); i++) {
            checkHeader(headers.get(i), "/webhook/headers/" + i);
        }
        return uri;
    }

    /**
     * Resolves the host (blocking: call on a worker thread) and returns an address every resolved address of
     * which is allowed; the call must connect to exactly that address, so that a second lookup cannot
     * redirect it.
     */
    public InetAddress resolve(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new SubmissionException("/webhook/url", "webhook host does not resolve: " + host);
        }
        boolean exempt = allowedHosts.contains(name.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            if (!exempt && !allowedHosts.contains(address.getHostAddress()) && !isPublic(address)) {
                throw new SubmissionException("/webhook/url",
                        "webhook host resolves to a private or special address, which is not allowed");
            }
        }
        return addresses[0];
    }

    /** Public unicast: none of the ranges the IP data type refuses, nor shared, reserved or metadata ranges. */
    static boolean isPublic(InetAddress address) {
        IpAddress ip = IpAddress.parse(address.getHostAddress().replaceAll("%.*$", ""));
        if (ip == null || ip.rejectedKind() != null) {
            return false;
        }
        if (ip.isIpv4()) {
            int a = ip.byteAt(12);
            int b = ip.byteAt(13);
            return a != 0 && !(a == 100 && (b & 0xc0) == 64) && a < 240 && !(a == 192 && b == 0 && ip.byteAt(14) == 0)
                    && !(a == 198 && (b & 0xfe) == 18);
        }
        // fec0::/10 (old site-local) and fd00:ec2::254 (metadata) are covered by "private" or here.
        return !(ip.byteAt(0) == 0xfe && (ip.byteAt(1) & 0xc0) == 0xc0);
    }

    private static void checkHeader(ScanTask.Header header, String pointer) {
        String name = header.key();
        if (name == null || name.isEmpty()) {
            throw new SubmissionException(pointer + "/key", "header name is required");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && TOKEN_CHARS.indexOf(c) < 0) {
                throw new SubmissionException(pointer + "/key", "header name has a character not allowed in HTTP");
            }
        }
        if (FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new SubmissionException(pointer + "/key", "header " + name + " is set by the service");
        }
        String value = header.value() == null ? "" : header.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new SubmissionException(pointer + "/value", "header value has a control character");
            }
        }
    }

    /** The URL without query and credentials, for logs. */
    public static String redacted(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException | RuntimeException e) {
            return "(invalid url)";
        }
    }
}
