package io.chainhub.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** Fake DNS: names resolve to what the test says, literals to themselves. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.215.14",
            "sneaky.example.com", "10.1.2.3",
            "rebind.example.com", "169.254.169.254");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.getOrDefault(host, host);
        if (!Character.isDigit(ip.charAt(0)) && !ip.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final SsrfGuard strict = new SsrfGuard(false, List.of(), SsrfGuardTest::resolve);

    @Test
    void shouldAcceptPublicHttpsUrlWhenResolvingToPublicAddress() {
        assertThat(strict.check("https://hooks.example.com/chainhub").getHost()).isEqualTo("hooks.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/x", "https://[::1]/x", "https://10.0.0.5/", "https://172.16.3.4/",
            "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/",
            "https://0.0.0.0/", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/", "https://sneaky.example.com/",
            "https://rebind.example.com/", "https://metadata.google.internal/computeMetadata/v1/"})
    void shouldRefuseInternalTargetWhenNotAllowListed(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UnsafeWebhookUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
            "https:///nohost", "not a url", "https://nowhere.invalid/"})
    void shouldRefuseWhenSchemeHostOrCredentialsWrong(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UnsafeWebhookUrlException.class);
    }

    @Test
    void shouldAcceptLoopbackOverHttpWhenAllowListed() {
        SsrfGuard local = new SsrfGuard(false, List.of("127.0.0.0/8", "::1/128", "localhost"), SsrfGuardTest::resolve);

        assertThat(local.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(local.check("http://[::1]:9000/hook").getPort()).isEqualTo(9000);
    }

    @Test
    void shouldStillRefusePrivateNetworkWhenOnlyLoopbackAllowListed() {
        SsrfGuard local = new SsrfGuard(false, List.of("127.0.0.0/8"), SsrfGuardTest::resolve);

        assertThatThrownBy(() -> local.check("https://10.0.0.5/")).isInstanceOf(UnsafeWebhookUrlException.class);
        assertThatThrownBy(() -> local.check("http://hooks.example.com/")).hasMessageContaining("https");
    }

    @Test
    void shouldAcceptPublicHttpWhenHttpAllowed() {
        SsrfGuard lax = new SsrfGuard(true, List.of(), SsrfGuardTest::resolve);

        assertThat(lax.check("http://hooks.example.com/").getScheme()).isEqualTo("http");
        assertThatThrownBy(() -> lax.check("http://127.0.0.1/")).isInstanceOf(UnsafeWebhookUrlException.class);
    }
}
