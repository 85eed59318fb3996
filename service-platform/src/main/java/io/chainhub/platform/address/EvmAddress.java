package io.chainhub.platform.address;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Bean Validation for {@link Addresses}: {@code null} is valid (add {@code @NotNull} if required). */
@Documented
@Constraint(validatedBy = EvmAddressValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EvmAddress {

    String message() default "must be an EVM address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
