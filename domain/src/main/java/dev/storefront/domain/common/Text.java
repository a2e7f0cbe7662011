package dev.storefront.domain.common;

/** Checks on text that came from outside. */
public final class Text {
    private Text() {}

    /**
     * The text with every character outside printable ASCII replaced by {@code ?}: safe to put on
     * one log or terminal line (no line breaks, no escape sequences, no look-alikes).
     */
    public static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** {@link #printable(String)}, cut to at most {@code maxLength} characters. */
    public static String printable(String text, int maxLength) {
        String printable = printable(text);
        return printable.length() > maxLength ? printable.substring(0, maxLength) : printable;
    }

    /**
     * Whether the text is well-formed UTF-16. A lone surrogate has no UTF-8 form: encoding it
     * silently yields {@code ?}, so two different inputs would be stored or hashed alike.
     */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
