package io.chainhub.analytics.query;

import java.time.Duration;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** While Kafka Streams starts or rebalances, stores are not queryable: 503 with Retry-After, not 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableAdvice {

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> unavailable(InvalidStateStoreException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "aggregates are not queryable right now (Kafka Streams starting or rebalancing): " + e.getMessage());
        problem.setTitle("Aggregates unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Duration.ofSeconds(2).toSeconds()))
                .body(problem);
    }
}
