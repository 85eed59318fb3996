package io.chainhub.notification.secret;

import java.util.Arrays;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The key that encrypts webhook secrets at rest: {@code chainhub.notification.secret-key} (env
 * {@code CHAINHUB_NOTIFICATION_SECRETKEY}), base64 of 32 random bytes ({@code openssl rand -base64 32}).
 * Only a development run (Spring profile {@code dev} or {@code local}, or {@code CHAINHUB_PROFILE=local} as
 * set by {@code ./chainhub up}) may go without one and gets a published development key; anywhere else a
 * missing or malformed key stops the start with a message saying what to set, rather than storing secrets
 * under a key everybody knows.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    static final String PROPERTY = "chainhub.notification.secret-key";
    /** Public on purpose (it is in the source): only for the local stack, never for real secrets. */
    static final String DEVELOPMENT_KEY = "Y2hhaW5odWItbG9jYWwtZGV2LWtleS1ub3Qtc2VjcmU=";

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(Environment environment) {
        return new SecretCipher(key(environment));
    }

    static byte[] key(Environment environment) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            if (!isDevelopment(environment)) {
                throw new IllegalStateException(PROPERTY + " (env CHAINHUB_NOTIFICATION_SECRETKEY) is not set: it must be "
                        + "the base64 of 32 random bytes (e.g. `openssl rand -base64 32`); webhook secrets are encrypted "
                        + "with it. Only the dev/local profile runs without one.");
            }
            log.warn("{} not set: using the published development key (local stack only)", PROPERTY);
            configured = DEVELOPMENT_KEY;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64: " + e.getMessage());
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " must decode to " + SecretCipher.KEY_BYTES + " bytes (AES-256), not "
                    + key.length);
        }
        return key;
    }

    private static boolean isDevelopment(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("dev", "local"))
                || Arrays.asList("local", "dev").contains(environment.getProperty("chainhub.profile", ""));
    }
}
