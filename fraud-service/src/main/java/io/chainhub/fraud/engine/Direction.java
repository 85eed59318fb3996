package io.chainhub.fraud.engine;

/** Whether value left ({@code OUT}) or reached ({@code IN}) the address a leg is about. */
public enum Direction {
    IN, OUT
}
