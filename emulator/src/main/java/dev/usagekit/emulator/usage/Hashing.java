package dev.usagekit.emulator.usage;

/** Stateless 64-bit mixing: the only source of randomness in the usage model, so every value is reproducible. */
final class Hashing {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the characters, then mixed: a stable 64-bit hash of a name. */
    static long of(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long combine(long a, long b) {
        return mix(a + GOLDEN * (b + 1));
    }

    /** A uniform double in [0, 1) for (key, salt, index). */
    static double unit(long key, long salt, long index) {
        return unitOfDraw(key, draw(salt, index));
    }

    /** The half of {@link #unit} that does not depend on the key: the same for every key, so it can be shared. */
    static long draw(long salt, long index) {
        return mix(salt * GOLDEN + index);
    }

    /** {@link #unit} of (key, salt, index) from {@code draw(salt, index)}. */
    static double unitOfDraw(long key, long draw) {
        return (mix(key ^ draw) >>> 11) * 0x1.0p-53;
    }
}
