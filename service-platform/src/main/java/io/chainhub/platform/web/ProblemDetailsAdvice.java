package io.chainhub.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import io.chainhub.platform.address.InvalidAddressException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of a ChainHub service into RFC 9457 problem+json: Spring MVC's own
 * exceptions (via {@link ResponseEntityExceptionHandler}) with details a client can act on,
 * validation failures with an {@code errors} list, security failures as 401/403, and anything
 * unexpected as a 500 with a generic detail (the stack trace goes to the log only).
 *
 * <p>Lowest precedence, so a service's own advice for its domain exceptions wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> errors.add(InvalidInput.bodyField(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(InvalidInput.body(e.getDefaultMessage())));
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) { // an invalid return value is our bug, not the client's
            return handleUnexpected(ex, request);
        }
        List<InvalidInput> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(error instanceof FieldError field
                        ? InvalidInput.bodyField(field.getField(), field.getDefaultMessage())
                        : InvalidInput.parameter(name, error.getDefaultMessage()));
            }
        });
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    /** Constraint violations from {@code @Validated} beans behind the controller. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidInput> errors = ex.getConstraintViolations().stream()
                .map(v -> InvalidInput.parameter(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return handleExceptionInternal(ex, invalid(HttpStatus.BAD_REQUEST, errors), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, request);
    }

    /** {@code Addresses.normalize} on a path or query value. */
    @ExceptionHandler(InvalidAddressException.class)
    ResponseEntity<Object> handleInvalidAddress(InvalidAddressException ex, WebRequest request) {
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = ProblemDetail.forStatusAndDetail(status, UnreadableBody.describe(ex));
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String expected = ex.getRequiredType() == null ? "another type" : UnreadableBody.expected(ex.getRequiredType());
        String detail = "Parameter '%s' must be %s, got '%s'."
                .formatted(ex.getPropertyName(), expected, UnreadableBody.abbreviate(String.valueOf(ex.getValue())));
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(status, request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(status, request), headers, status, request);
    }

    /** Reached from the security filter chain (no or bad token) and from method security. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        String detail = ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? "Invalid bearer token: " + oauth.getError().getDescription()
                : "Authentication required: send 'Authorization: Bearer <JWT>'.";
        var status = HttpStatus.UNAUTHORIZED;
        var headers = new HttpHeaders();
        HttpServletResponse response = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        // The filter chain's entry point already wrote a detailed RFC 6750 header; add one only otherwise.
        if (response == null || !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        // Method security can deny an anonymous caller on an open path: that is a 401, not a 403.
        if (authentication == null || TRUST.isAnonymous(authentication)) {
            return handleAuthentication(new InsufficientAuthenticationException(ex.getMessage(), ex), request);
        }
        var status = HttpStatus.FORBIDDEN;
        var detail = "Your roles do not allow this operation.";
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(),
                status, request);
    }

    /** Last resort. Honours {@code @ResponseStatus} on exceptions that services throw. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        HttpStatus status = annotated != null ? annotated.code() : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail;
        if (status.is5xxServerError()) {
            log.error("Unexpected error on {}", request.getDescription(false), ex);
            detail = "An unexpected error occurred; it has been logged.";
        } else {
            detail = annotated.reason().isEmpty() ? ex.getMessage() : annotated.reason();
        }
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(),
                status, request);
    }

    private static ProblemDetail invalid(HttpStatusCode status, List<InvalidInput> errors) {
        String detail = errors.isEmpty() ? "Validation failed."
                : "Validation failed: " + String.join("; ", errors.stream().map(InvalidInput::describe).toList()) + ".";
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("errors", errors);
        return body;
    }

    private static ProblemDetail noEndpoint(HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        String what = servlet == null ? "this path" : servlet.getMethod() + " " + servlet.getRequestURI();
        return ProblemDetail.forStatusAndDetail(status, "No endpoint " + what + ".");
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }
}
