package io.chainhub.platform.address;

/** Client input that is not an acceptable address; the platform answers it with a 400 problem. */
public class InvalidAddressException extends IllegalArgumentException {

    public InvalidAddressException(String message) {
        super(message);
    }
}
