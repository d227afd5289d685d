package io.zsync.sandbox.core;

/** Keys for case-insensitive lookups: equal exactly when {@link String#equalsIgnoreCase} says two texts are. */
public final class CaseFold {

    private CaseFold() {
    }

    /** Folds each code point as {@code equalsIgnoreCase} compares it: lower case of its upper case. */
    public static String key(String text) {
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return key.toString();
    }
}
