package io.chainhub.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Plain {@code {{name}}} templates from {@code classpath:mail/}: small enough not to need a template
 * engine. Values are HTML-escaped in {@code .html} templates, except keys ending in {@code Rows} or
 * {@code items} that the caller built from escaped parts.
 */
@Component
class MailTemplates {

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    String render(String template, Map<String, String> values) {
        boolean html = template.endsWith(".html");
        String result = cache.computeIfAbsent(template, MailTemplates::load);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue();
            boolean raw = entry.getKey().endsWith("Rows") || entry.getKey().equals("items");
            result = result.replace("{{" + entry.getKey() + "}}", html && !raw ? HtmlUtils.htmlEscape(value) : value);
        }
        return result;
    }

    private static String load(String template) {
        try (InputStream in = new ClassPathResource("mail/" + template).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing mail template " + template, e);
        }
    }
}
