package io.chainhub.platform.address;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Reports the precise reason (shape or checksum) instead of the annotation's generic message.
 * Public because plain Hibernate Validator instantiates it reflectively.
 */
public class EvmAddressValidator implements ConstraintValidator<EvmAddress, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return Addresses.problem(value).map(reason -> {
            context.disableDefaultConstraintViolation();
            // escape EL/message-interpolation characters: the reason is plain text
            context.buildConstraintViolationWithTemplate(reason.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
