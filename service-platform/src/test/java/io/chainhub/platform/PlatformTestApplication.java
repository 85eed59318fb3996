package io.chainhub.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Root of the slice tests; the platform is an auto-configuration and has no application of its
 * own. Scans only the sample API: the platform's beans must come from its auto-configuration.
 */
@SpringBootApplication(scanBasePackages = "io.chainhub.platform.sample")
class PlatformTestApplication {
}
