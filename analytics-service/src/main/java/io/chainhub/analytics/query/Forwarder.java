package io.chainhub.analytics.query;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks another instance for the part of an answer it holds, with the caller's own token (the
 * other instance checks it as it checks any request). {@code local=true} stops it forwarding again.
 */
@Component
public class Forwarder {

    private final RestClient http = RestClient.create();

    public <T> T get(HostInfo host, String pathAndQuery, String authorization, Class<T> type) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        return http.get().uri("http://" + host.host() + ":" + host.port() + pathAndQuery + separator + "local=true")
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve().body(type);
    }
}
