package io.chainhub.platform.address;

/**
 * Keccak-256 as Ethereum uses it (original Keccak padding 0x01, not SHA3-256's 0x06). Small
 * and allocation-light; only here because EIP-55 checksums need it and the platform should not
 * pull in a crypto library for one hash.
 */
final class Keccak256 {

    private static final int RATE = 136; // bytes: 1600-bit state minus 2 x 256-bit capacity

    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    private static final int[] ROTATIONS = {
        1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44};
    private static final int[] PI_LANES = {
        10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

    private Keccak256() {
    }

    static byte[] hash(byte[] input) {
        long[] state = new long[25];
        int offset = 0;
        for (; input.length - offset >= RATE; offset += RATE) {
            absorb(state, input, offset);
        }
        byte[] last = new byte[RATE];
        System.arraycopy(input, offset, last, 0, input.length - offset);
        last[input.length - offset] ^= 0x01;
        last[RATE - 1] ^= (byte) 0x80;
        absorb(state, last, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
        }
        return out;
    }

    private static void absorb(long[] state, byte[] block, int offset) {
        for (int lane = 0; lane < RATE / 8; lane++) {
            long value = 0;
            for (int b = 0; b < 8; b++) {
                value |= (block[offset + lane * 8 + b] & 0xffL) << (8 * b);
            }
            state[lane] ^= value;
        }
        permute(state);
    }

    private static void permute(long[] s) {
        long[] c = new long[5];
        for (long roundConstant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) { // theta
                c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    s[y + x] ^= d;
                }
            }
            long carry = s[1]; // rho and pi
            for (int i = 0; i < 24; i++) {
                int lane = PI_LANES[i];
                long next = s[lane];
                s[lane] = Long.rotateLeft(carry, ROTATIONS[i]);
                carry = next;
            }
            for (int y = 0; y < 25; y += 5) { // chi
                System.arraycopy(s, y, c, 0, 5);
                for (int x = 0; x < 5; x++) {
                    s[y + x] ^= ~c[(x + 1) % 5] & c[(x + 2) % 5];
                }
            }
            s[0] ^= roundConstant; // iota
        }
    }
}
