package io.chainhub.analytics.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.chainhub.testsupport.TempDirs;

/**
 * Drives {@code /usr/bin/chromium} in headless mode: dump the DOM after the page's scripts ran,
 * or take a screenshot. Virtual time lets the page's timers and fetches run without waiting.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static String dumpDom(String url, int virtualTimeMillis) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", "--virtual-time-budget=" + virtualTimeMillis, url));
    }

    static void screenshot(String url, Path file, int virtualTimeMillis) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        run(List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=1400,1400", "--hide-scrollbars",
                "--virtual-time-budget=" + virtualTimeMillis, url));
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = TempDirs.create("chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path output = Files.createTempFile("chromium-out", ".html");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s: " + command);
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
