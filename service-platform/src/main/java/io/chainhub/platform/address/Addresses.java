package io.chainhub.platform.address;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * EVM addresses as SPEC.md wants them: {@code 0x} + 40 hex digits, accepted in any case,
 * EIP-55 checksum checked when the case is mixed, emitted lowercase.
 */
public final class Addresses {

    private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Addresses() {
    }

    /** Why {@code candidate} is not an acceptable address, or empty if it is. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || !SHAPE.matcher(candidate).matches()) {
            return Optional.of("must be 0x followed by 40 hexadecimal digits");
        }
        String digits = candidate.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT))
                && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !candidate.equals(toChecksum(candidate))) {
            return Optional.of("has an invalid EIP-55 checksum (mixed case must match it exactly)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return problem(candidate).isEmpty();
    }

    /** The canonical (lowercase) form; rejects invalid input with the reason. */
    public static String normalize(String candidate) {
        problem(candidate).ifPresent(reason -> {
            throw new InvalidAddressException("Address '" + candidate + "' " + reason + ".");
        });
        return candidate.toLowerCase(Locale.ROOT);
    }

    /** EIP-55 mixed-case form: a hex letter is upper case where the nibble of keccak(lowercase) is >= 8. */
    public static String toChecksum(String address) {
        String lower = address.substring(2).toLowerCase(Locale.ROOT);
        String hash = HexFormat.of().formatHex(Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII)));
        var out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
