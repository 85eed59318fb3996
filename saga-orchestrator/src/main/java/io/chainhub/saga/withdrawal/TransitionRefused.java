package io.chainhub.saga.withdrawal;

/** A person asked for something the saga does not allow now (REST answers 403 or 409). */
public class TransitionRefused extends RuntimeException {

    public enum Why { FORBIDDEN, CONFLICT }

    private final Why why;

    public TransitionRefused(Why why, String detail) {
        super(detail);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
