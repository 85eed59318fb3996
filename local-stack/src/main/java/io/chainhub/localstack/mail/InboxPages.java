package io.chainhub.localstack.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The inbox's HTML: a list that refreshes itself and a page per message. */
final class InboxPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String STYLE = """
            <style>
              body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
              header { background: #243b53; color: #fff; padding: 14px 28px; display: flex; align-items: baseline; gap: 16px; }
              header h1 { font-size: 18px; margin: 0; } header a { color: #bcccdc; text-decoration: none; }
              main { padding: 20px 28px; max-width: 1100px; }
              table { width: 100%; border-collapse: collapse; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
              th, td { text-align: left; padding: 9px 12px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
              th { background: #f0f4f8; font-weight: 600; font-size: 13px; color: #486581; }
              tr.row:hover { background: #f0f4f8; cursor: pointer; }
              td.subject a { color: #102a43; font-weight: 600; text-decoration: none; }
              .snippet { color: #829ab1; font-size: 13px; } .muted { color: #829ab1; } .time { white-space: nowrap; color: #627d98; }
              dl { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; background: #fff; padding: 14px 18px; }
              dt { color: #627d98; } dd { margin: 0; }
              iframe { width: 100%; min-height: 420px; border: 1px solid #d9e2ec; background: #fff; }
              pre { white-space: pre-wrap; background: #fff; padding: 14px 18px; border: 1px solid #d9e2ec; }
              h2 { font-size: 15px; color: #486581; margin: 22px 0 8px; }
            </style>""";

    private InboxPages() {
    }

    static String list(List<MailMessage> messages) {
        String rows = messages.isEmpty()
                ? "<tr><td colspan=4 class=muted>No mail yet. Services send to SMTP localhost:1025; this page refreshes itself.</td></tr>"
                : messages.stream().map(m -> """
                        <tr class=row onclick="location.href='/view/%1$s'">
                          <td>%2$s</td><td>%3$s</td>
                          <td class=subject><a href="/view/%1$s">%4$s</a><div class=snippet>%5$s</div></td>
                          <td class=time>%6$s</td>
                        </tr>""".formatted(m.id(), escape(m.from().toString()), escape(join(m.to())),
                        escape(m.subject().isEmpty() ? "(no subject)" : m.subject()), escape(m.snippet()),
                        TIME.format(m.created()))).collect(Collectors.joining("\n"));
        return page("Inbox (" + messages.size() + ")", "<meta http-equiv=refresh content=3>", """
                <table><thead><tr><th>From</th><th>To</th><th>Subject</th><th>Received</th></tr></thead>
                <tbody>%s</tbody></table>""".formatted(rows));
    }

    static String message(MailMessage m) {
        String html = m.html().isEmpty() ? ""
                : "<h2>HTML</h2><iframe sandbox src=\"/view/" + m.id() + "/body.html\"></iframe>";
        String text = m.text().isEmpty() ? "" : "<h2>Text</h2><pre>" + escape(m.text()) + "</pre>";
        return page(m.subject(), "", """
                <dl><dt>From</dt><dd>%s</dd><dt>To</dt><dd>%s</dd>%s<dt>Subject</dt><dd>%s</dd>
                <dt>Received</dt><dd>%s</dd><dt>Message-ID</dt><dd class=muted>%s</dd></dl>%s%s"""
                .formatted(escape(m.from().toString()), escape(join(m.to())),
                        m.cc().isEmpty() ? "" : "<dt>Cc</dt><dd>" + escape(join(m.cc())) + "</dd>",
                        escape(m.subject()), TIME.format(m.created()), escape(m.messageId()), html, text));
    }

    static String notFound() {
        return page("Not found", "", "<p>No such message (the inbox forgets mail when the local stack stops).</p>");
    }

    private static String page(String title, String head, String body) {
        return """
                <!doctype html><html lang=en><head><meta charset=utf-8><title>%1$s · ChainHub mail</title>%2$s%3$s</head>
                <body><header><h1>ChainHub mail</h1><a href="/">Inbox</a><a href="/api/v1/messages">JSON API</a></header>
                <main>%4$s</main></body></html>""".formatted(escape(title), head, STYLE, body);
    }

    private static String join(List<MailMessage.MailAddress> addresses) {
        return addresses.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
