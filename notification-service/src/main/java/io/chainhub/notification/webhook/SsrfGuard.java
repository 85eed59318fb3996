package io.chainhub.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.chainhub.notification.config.NotificationProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs that would make the service call into its own network: loopback, private
 * (RFC 1918, RFC 4193), link-local (including the cloud metadata address 169.254.169.254), carrier-grade
 * NAT, multicast and unspecified addresses, unless the target lies in a configured allow-listed network.
 * http is accepted only when configured globally or for allow-listed targets; https otherwise.
 *
 * <p>Checked when a subscription is saved and again before every send, since DNS answers change.
 */
@Component
public class SsrfGuard {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final boolean allowHttp;
    private final List<Cidr> allowedNetworks;
    private final List<String> allowedHosts;
    private final Resolver resolver;

    /** DNS, replaceable in unit tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Autowired
    public SsrfGuard(NotificationProperties properties) {
        this(properties.webhook().allowHttp(), properties.webhook().allowedNetworks(), InetAddress::getAllByName);
    }

    public SsrfGuard(boolean allowHttp, List<String> allowed, Resolver resolver) {
        this.allowHttp = allowHttp;
        List<String> entries = allowed == null ? List.of() : allowed;
        this.allowedNetworks = entries.stream().filter(Cidr::looksLikeCidr).map(Cidr::parse).toList();
        this.allowedHosts = entries.stream().filter(e -> !Cidr.looksLikeCidr(e)).map(e -> e.toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /** @throws UnsafeWebhookUrlException with a detail a user can act on */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UnsafeWebhookUrlException("webhook.url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeWebhookUrlException("webhook.url must be an https URL");
        }
        if (host == null || host.isBlank()) {
            throw new UnsafeWebhookUrlException("webhook.url has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeWebhookUrlException("webhook.url must not carry credentials");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean hostAllowed = allowedHosts.contains(bareHost.toLowerCase(Locale.ROOT));
        if (!hostAllowed && METADATA_HOSTS.contains(bareHost.toLowerCase(Locale.ROOT))) {
            throw new UnsafeWebhookUrlException("webhook.url targets a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            throw new UnsafeWebhookUrlException("webhook.url host " + bareHost + " does not resolve");
        }
        boolean allAllowListed = true;
        for (InetAddress address : addresses) {
            boolean listed = hostAllowed || allowedNetworks.stream().anyMatch(n -> n.contains(address));
            if (!listed && isInternal(address)) {
                throw new UnsafeWebhookUrlException("webhook.url host " + bareHost + " resolves to "
                        + address.getHostAddress() + ", a loopback, private, link-local or metadata address");
            }
            allAllowListed &= listed;
        }
        if (scheme.equals("http") && !allowHttp && !allAllowListed) {
            throw new UnsafeWebhookUrlException("webhook.url must use https");
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240;                             // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7 (incl. fd00:ec2::254, AWS metadata)
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 target
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An address block such as {@code 127.0.0.0/8} or {@code ::1/128}. */
    record Cidr(byte[] network, int prefix) {

        static boolean looksLikeCidr(String entry) {
            return entry.contains("/") || entry.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
        }

        static Cidr parse(String entry) {
            String[] parts = entry.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR: " + entry, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
