package se.omsorgsnav.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Rows that
 * are only ever appended, such as audit events, get keys that grow with time, so each insert lands
 * at the right edge of the primary-key index instead of on a random page of it (bench/README.md).
 * The time in an id is when it was made, not a business fact: nothing may read it back.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (((random[0] & 0x0F) << 8) | (random[1] & 0xFF));
        long low = 0x8000_0000_0000_0000L | (toLong(random, 2) & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }

    private static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }
}
