package io.chainhub.saga.web;

import io.chainhub.saga.withdrawal.TransitionRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as RFC 9457 problems: 403 for who may not, 409 for what may not happen now. */
@RestControllerAdvice
class SagaProblems {

    @ExceptionHandler(TransitionRefused.class)
    ProblemDetail refused(TransitionRefused e) {
        HttpStatus status = e.why() == TransitionRefused.Why.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status == HttpStatus.FORBIDDEN ? "Not allowed" : "Not possible in the current state");
        return problem;
    }
}
