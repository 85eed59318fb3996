package io.chainhub.notification.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A webhook URL the service refuses to call (scheme, private target, unresolvable host): 400. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class UnsafeWebhookUrlException extends RuntimeException {

    public UnsafeWebhookUrlException(String message) {
        super(message);
    }
}
